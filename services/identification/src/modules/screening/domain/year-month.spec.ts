import { incomeWindow } from './rules/income-window.rule';
import { addMonths, lastDayOfMonth } from './year-month';

describe('income window and months', () => {
  it('runs from the same month one year before to the end of the month before identification (2021-06)', () => {
    const window = incomeWindow('2021-06');
    expect(window).toMatchObject({
      fromDate: '2020-06-01',
      toDate: '2021-05-31',
      firstMonth: '2020-06',
      lastMonth: '2021-05',
    });
    expect(window.months).toHaveLength(12);
  });

  it('crosses the year boundary for a January identification', () => {
    expect(incomeWindow('2026-01')).toMatchObject({ fromDate: '2025-01-01', toDate: '2025-12-31' });
  });

  it('knows leap years and month arithmetic', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
  });
});
