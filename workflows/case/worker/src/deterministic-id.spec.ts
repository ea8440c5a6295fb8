import { deterministicUuid } from './deterministic-id';

describe('deterministic event ids', () => {
  it('gives the same fact the same UUID and different facts different ones', () => {
    const id = deterministicUuid('case-1:RESPONSE:2024-10-10:overdue');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('case-1:RESPONSE:2024-10-10:overdue')).toBe(id);
    expect(deterministicUuid('case-2:RESPONSE:2024-10-10:overdue')).not.toBe(id);
  });
});
