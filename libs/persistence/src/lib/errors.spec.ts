import { isUniqueViolation } from './errors';

describe('isUniqueViolation', () => {
  it('tells a unique violation from other database errors and from non-errors', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation(new Error('connection lost'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
