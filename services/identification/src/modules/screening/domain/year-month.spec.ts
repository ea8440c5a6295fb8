import { addMonths, firstDayOfMonth, isYearMonth, lastDayOfMonth, monthRange } from './year-month';

describe('calendar months (YYYY-MM)', () => {
  it('knows leap years and month lengths', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2021-02')).toBe('2021-02-28');
    expect(lastDayOfMonth('2021-05')).toBe('2021-05-31');
    expect(firstDayOfMonth('2020-06')).toBe('2020-06-01');
  });

  it('adds and subtracts months across year boundaries', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(addMonths('2021-06', -12)).toBe('2020-06');
    expect(monthRange('2020-11', 3)).toEqual(['2020-11', '2020-12', '2021-01']);
  });

  it('accepts only well-formed months', () => {
    expect(['2021-06', '2021-13', '2021-6', '2021-00', 202106].map(isYearMonth)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(() => addMonths('2021-13', 1)).toThrow(RangeError);
  });
});
