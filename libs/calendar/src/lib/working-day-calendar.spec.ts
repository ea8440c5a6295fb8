import { CalendarInputError, addDays, endOfShanghaiDay, toShanghaiDate } from './dates';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();

describe('working-day deadlines (policy §6)', () => {
  it('2024-09-27 + 5 working days = 2024-10-10: Sunday 09-29 is a make-up workday, 10-01..10-07 National Day', () => {
    const result = calendar.addWorkingDays('2024-09-27', 5);
    expect(result.dueDate).toBe('2024-10-10');
    expect(result.makeupWorkdays).toEqual(['2024-09-29']);
    const holidays = result.skipped.filter((d) => d.reason === 'HOLIDAY');
    expect(holidays.map((d) => d.date)).toEqual(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07']);
    expect(holidays.every((d) => d.name === '国庆节')).toBe(true);
    expect(result.explanation).toContain('2024-10-01至2024-10-07（国庆节假期）');
    expect(result.explanation).toContain('调休上班计入：2024-09-29（周日）');
  });

  it('2025-01-24 + 5 working days = 2025-02-07 across the Spring Festival', () => {
    const result = calendar.addWorkingDays('2025-01-24', 5);
    expect(result.dueDate).toBe('2025-02-07');
    expect(result.makeupWorkdays).toEqual(['2025-01-26']);
    expect(result.explanation).toContain('春节');
  });

  it('counts a plain week Monday to Friday and skips the weekend', () => {
    expect(calendar.addWorkingDays('2024-11-08', 5).dueDate).toBe('2024-11-15');
    expect(calendar.addWorkingDays('2024-11-08', 5).skipped.map((d) => d.reason)).toEqual(['WEEKEND', 'WEEKEND']);
  });

  it('ends a deadline at 23:59:59.999 Beijing time, i.e. 15:59:59.999 UTC', () => {
    const result = calendar.addWorkingDays('2024-09-27', 5);
    expect(result.dueAt).toBe('2024-10-10T23:59:59.999+08:00');
    expect(new Date(result.dueAt).toISOString()).toBe('2024-10-10T15:59:59.999Z');
    expect(endOfShanghaiDay('2024-10-10').toISOString()).toBe('2024-10-10T15:59:59.999Z');
  });

  it('lets an override turn a workday into a holiday, moving the due date', () => {
    const local = WorkingDayCalendar.withOverrides([{ date: '2024-11-12', kind: 'HOLIDAY', name: '地方防汛停工' }]);
    const result = local.addWorkingDays('2024-11-08', 5);
    expect(result.dueDate).toBe('2024-11-18');
    expect(result.skipped).toContainEqual({ date: '2024-11-12', reason: 'OVERRIDE_HOLIDAY', name: '地方防汛停工' });
  });

  it('lets an override make a Saturday a workday', () => {
    const local = WorkingDayCalendar.withOverrides([{ date: '2024-11-09', kind: 'WORKDAY' }]);
    expect(local.addWorkingDays('2024-11-08', 5).dueDate).toBe('2024-11-14');
    expect(local.addWorkingDays('2024-11-08', 5).makeupWorkdays).toEqual(['2024-11-09']);
  });

  it('agrees with workingDaysBetween for every start day and length over two years', () => {
    for (let from = '2024-01-01'; from < '2025-12-20'; from = addDays(from, 3)) {
      for (const n of [0, 1, 5, 20]) {
        const due = calendar.addWorkingDays(from, n).dueDate;
        expect(calendar.workingDaysBetween(from, due)).toBe(n);
        if (n > 0) expect(calendar.isWorkingDay(due)).toBe(true);
      }
    }
    expect(calendar.workingDaysBetween('2024-10-10', '2024-09-27')).toBe(-5);
  });

  it('falls back to Monday–Friday outside the published years and says so', () => {
    const lastYear = Math.max(...calendar.coveredYears());
    const result = calendar.addWorkingDays(`${lastYear + 2}-03-02`, 5);
    expect(result.outsideData).toBe(true);
    expect(result.explanation).toContain('超出已发布的节假日安排');
    expect(calendar.coveredYears()).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025]));
  });
});

describe('pausable clocks (waiting for the big-data property check)', () => {
  it('does not count working days inside a pause', () => {
    const plain = calendar.addWorkingDays('2024-11-01', 20);
    const paused = calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-11', to: '2024-11-14' }]);
    expect(paused).toMatchObject({ pausedWorkingDays: 3 });
    expect(paused.dueDate).toBe(calendar.addWorkingDays(plain.dueDate, 3).dueDate);
    expect(paused.explanation).toContain('暂停计时不计3个工作日');
  });

  it('has no due date while a pause is still open, and tells how many days were used', () => {
    const open = calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-11' }]);
    expect(open).toMatchObject({ dueDate: null, paused: true, countedWorkingDays: 5 });
    expect(open.explanation).toContain('暂停计时');
  });
});

describe('inputs and time zones', () => {
  it('maps an instant to its Beijing date', () => {
    expect(toShanghaiDate('2024-09-30T16:30:00Z')).toBe('2024-10-01');
    expect(toShanghaiDate('2024-09-30T15:59:59Z')).toBe('2024-09-30');
  });

  it.each([
    ['2024-02-30', 5, 'CALENDAR.INVALID_DATE'],
    ['yesterday', 5, 'CALENDAR.INVALID_DATE'],
    ['2024-02-01', -1, 'CALENDAR.INVALID_WORKING_DAYS'],
    ['2024-02-01', 1.5, 'CALENDAR.INVALID_WORKING_DAYS'],
  ])('rejects from=%s workingDays=%s with %s', (from, n, code) => {
    expect(() => calendar.addWorkingDays(from, n)).toThrow(CalendarInputError);
    try {
      calendar.addWorkingDays(from, n);
    } catch (error) {
      expect((error as CalendarInputError).code).toBe(code);
    }
  });
});
