import { DepartmentParamsSchema } from './department-summary.dto';
import { countsByStatus } from './department-summary.service';

describe('department summary', () => {
  it('lists every task status in order, zero where the department has none', () => {
    expect(countsByStatus([{ status: 'COMPLETED', count: 4 }])).toEqual([
      { status: 'OPEN', count: 0 },
      { status: 'ACKNOWLEDGED', count: 0 },
      { status: 'COMPLETED', count: 4 },
      { status: 'REJECTED', count: 0 },
    ]);
  });

  it('refuses a department code outside the catalogue with a Chinese message', () => {
    const parsed = DepartmentParamsSchema.safeParse({ code: 'health' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe('部门代码无效');
  });
});
