import { CalendarInputError, MAX_WORKING_DAYS, WorkingDayCalendar, type CalendarOverride } from '../index';

const calendar = new WorkingDayCalendar();

function errorOf(act: () => unknown): CalendarInputError {
  try {
    act();
  } catch (error) {
    if (error instanceof CalendarInputError) return error;
    throw error;
  }
  throw new Error('expected a CalendarInputError');
}

describe('input validation', () => {
  it.each([
    ['2024-02-30', 5, 'CALENDAR.INVALID_DATE', 'from'],
    ['yesterday', 5, 'CALENDAR.INVALID_DATE', 'from'],
    ['2024-02-01', -1, 'CALENDAR.INVALID_WORKING_DAYS', 'workingDays'],
    ['2024-02-01', 1.5, 'CALENDAR.INVALID_WORKING_DAYS', 'workingDays'],
    ['2024-02-01', Number.NaN, 'CALENDAR.INVALID_WORKING_DAYS', 'workingDays'],
    ['2024-02-01', MAX_WORKING_DAYS + 1, 'CALENDAR.INVALID_WORKING_DAYS', 'workingDays'],
  ])('addWorkingDays(%s, %s) throws %s naming %s', (from, n, code, field) => {
    const error = errorOf(() => calendar.addWorkingDays(from, n));
    expect(error).toMatchObject({ code, field, name: 'CalendarInputError' });
    expect(error.message).toContain(`参数 ${field}`);
  });

  it('writes a Chinese message naming the parameter and the value received', () => {
    expect(errorOf(() => calendar.addWorkingDays('2024-02-30', 5)).message).toBe(
      '参数 from（起算日期） 无效：应为 YYYY-MM-DD 格式的有效日期，收到 "2024-02-30"',
    );
  });

  it('validates the other entry points', () => {
    expect(errorOf(() => calendar.workingDaysBetween('2024-01-01', '2024/01/05'))).toMatchObject({ code: 'CALENDAR.INVALID_DATE', field: 'to' });
    expect(errorOf(() => calendar.dayInfo('2024-1-1'))).toMatchObject({ code: 'CALENDAR.INVALID_DATE', field: 'date' });
    expect(errorOf(() => calendar.isWorkingDay(''))).toMatchObject({ code: 'CALENDAR.INVALID_DATE' });
  });

  it('rejects malformed overrides (e.g. a bad database row)', () => {
    const badKind = [{ date: '2024-11-12', kind: 'REST' }] as unknown as CalendarOverride[];
    expect(errorOf(() => WorkingDayCalendar.withOverrides(badKind))).toMatchObject({ code: 'CALENDAR.INVALID_OVERRIDE', field: 'override.kind' });
    expect(errorOf(() => WorkingDayCalendar.withOverrides([{ date: '2024-11-31', kind: 'HOLIDAY' }]))).toMatchObject({ code: 'CALENDAR.INVALID_DATE', field: 'override.date' });
  });

  it('rejects inconsistent pauses', () => {
    const reversed = errorOf(() => calendar.deadlineWithPauses('2024-11-01', 5, [{ from: '2024-11-12', to: '2024-11-11' }]));
    expect(reversed).toMatchObject({ code: 'CALENDAR.INVALID_PAUSE', field: 'pause.to' });
    const twoOpen = errorOf(() => calendar.deadlineWithPauses('2024-11-01', 5, [{ from: '2024-11-04' }, { from: '2024-11-12', to: '2024-11-13' }]));
    expect(twoOpen.code).toBe('CALENDAR.INVALID_PAUSE');
    expect(errorOf(() => calendar.deadlineWithPauses('2024-11-01', 5, [{ from: 'soon' }]))).toMatchObject({ code: 'CALENDAR.INVALID_DATE', field: 'pause.from' });
  });
});
