import { WorkingDayCalendar, addDays } from '../index';

const calendar = new WorkingDayCalendar();

describe('workingDaysBetween', () => {
  it('counts working days strictly after `from` up to and including `to`', () => {
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-10')).toBe(5);
    expect(calendar.workingDaysBetween('2024-11-08', '2024-11-08')).toBe(0);
    expect(calendar.workingDaysBetween('2024-11-08', '2024-11-10')).toBe(0);
    expect(calendar.workingDaysBetween('2024-11-08', '2024-11-11')).toBe(1);
  });

  it('is negative when `to` is before `from`', () => {
    expect(calendar.workingDaysBetween('2024-10-10', '2024-09-27')).toBe(-5);
  });

  it('is the inverse of addWorkingDays for every start day in 2024–2025 and common lengths', () => {
    for (let from = '2024-01-01'; from <= '2025-12-31'; from = addDays(from, 1)) {
      for (const n of [1, 2, 5, 10, 15, 20, 30]) {
        const due = calendar.addWorkingDays(from, n).dueDate;
        const between = calendar.workingDaysBetween(from, due);
        const dayBefore = calendar.workingDaysBetween(from, addDays(due, -1));
        if (between !== n || dayBefore !== n - 1 || !calendar.isWorkingDay(due)) {
          throw new Error(`${from} + ${n} -> ${due}: between=${between}, day before=${dayBefore}`);
        }
      }
    }
  });

  it('agrees with addWorkingDays under overrides too', () => {
    const local = WorkingDayCalendar.withOverrides([
      { date: '2024-11-12', kind: 'HOLIDAY' },
      { date: '2024-11-16', kind: 'WORKDAY' },
    ]);
    for (let from = '2024-11-01'; from <= '2024-11-30'; from = addDays(from, 1)) {
      expect(local.workingDaysBetween(from, local.addWorkingDays(from, 7).dueDate)).toBe(7);
    }
  });
});
