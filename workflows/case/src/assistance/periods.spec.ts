import { firstMonthOfQuarter, lastDayOfMonth, lastDayOfQuarter, nextMonth, quarterOf, startsQuarter } from './periods';

describe('assistance calendar periods (Asia/Shanghai dates)', () => {
  it('maps dates to quarters and quarters to their last day, across leap years and year ends', () => {
    expect([
      quarterOf('2026-01-01'),
      quarterOf('2026-03-31'),
      quarterOf('2026-04-01'),
      quarterOf('2026-12-31'),
    ]).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q4']);
    expect([lastDayOfQuarter('2028Q1'), lastDayOfQuarter('2026Q2'), lastDayOfQuarter('2026Q4')]).toEqual([
      '2028-03-31',
      '2026-06-30',
      '2026-12-31',
    ]);
    expect(firstMonthOfQuarter('2026Q3')).toBe('2026-07');
  });

  it('walks months over the year end and knows which month opens a quarter', () => {
    expect([lastDayOfMonth('2028-02'), lastDayOfMonth('2026-02'), nextMonth('2026-12')]).toEqual([
      '2028-02-29',
      '2026-02-28',
      '2027-01',
    ]);
    expect(['2027-01', '2027-02', '2027-04', '2027-10', '2027-12'].map(startsQuarter)).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});
