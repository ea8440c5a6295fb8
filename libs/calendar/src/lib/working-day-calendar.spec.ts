import { isWorkday } from 'chinese-days';
import { WorkingDayCalendar, addDays } from '../index';

const calendar = new WorkingDayCalendar();
const NATIONAL_DAY_2024 = ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'];

describe('deadlines in Chinese working days', () => {
  it('2024-09-27 + 5 = 2024-10-10: Sunday 09-29 is a make-up workday, 10-01..10-07 are National Day', () => {
    const result = calendar.addWorkingDays('2024-09-27', 5);
    expect(result.dueDate).toBe('2024-10-10');
    expect(result.makeupWorkdays).toEqual(['2024-09-29']);
    expect(result.makeupDetails).toEqual([{ date: '2024-09-29', reason: 'MAKEUP_WORKDAY', name: '国庆节' }]);
    expect(result.skipped).toEqual([
      { date: '2024-09-28', reason: 'WEEKEND' },
      ...NATIONAL_DAY_2024.map((date) => ({ date, reason: 'HOLIDAY', name: '国庆节' })),
    ]);
  });

  it('explains the 2024 National Day deadline in Chinese', () => {
    expect(calendar.addWorkingDays('2024-09-27', 5).explanation).toBe(
      '自2024-09-27起算5个工作日（起算日当天不计），截止2024-10-10 23:59:59（北京时间）；' +
        '其间2024-09-29（周日）为国庆节调休上班日，计入；法定节假日不计：2024-10-01至2024-10-07（国庆节）；' +
        '周末不计：2024-09-28（周六）。',
    );
  });

  it('2025-01-24 + 5 = 2025-02-07 across the Spring Festival (01-26 worked, 02-08 not reached)', () => {
    const result = calendar.addWorkingDays('2025-01-24', 5);
    expect(result.dueDate).toBe('2025-02-07');
    expect(result.makeupWorkdays).toEqual(['2025-01-26']);
    expect(result.skipped.filter((d) => d.reason === 'HOLIDAY').map((d) => d.date)).toEqual(
      ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
    );
    expect(result.explanation).toContain('法定节假日不计：2025-01-28至2025-02-04（春节）');
    expect(calendar.dayInfo('2025-02-08')).toEqual({ date: '2025-02-08', working: true, reason: 'MAKEUP_WORKDAY', name: '春节' });
  });

  it('counts a plain week Monday to Friday and skips the weekend', () => {
    const result = calendar.addWorkingDays('2024-11-08', 5);
    expect(result.dueDate).toBe('2024-11-15');
    expect(result.skipped).toEqual([{ date: '2024-11-09', reason: 'WEEKEND' }, { date: '2024-11-10', reason: 'WEEKEND' }]);
    expect(result.makeupWorkdays).toEqual([]);
    expect(result.explanation).toContain('周末不计：2024-11-09至2024-11-10');
  });

  it('does not count the triggering day, even when it is a working day; 0 days ends on the triggering day', () => {
    expect(calendar.addWorkingDays('2024-11-11', 1).dueDate).toBe('2024-11-12');
    expect(calendar.addWorkingDays('2024-11-11', 0).dueDate).toBe('2024-11-11');
    expect(calendar.addWorkingDays('2024-10-01', 1).dueDate).toBe('2024-10-08');
  });

  it('ends a deadline at 23:59:59.999 Beijing time, i.e. 15:59:59.999 UTC', () => {
    const { dueAt } = calendar.addWorkingDays('2024-09-27', 5);
    expect(dueAt).toBe('2024-10-10T23:59:59.999+08:00');
    expect(new Date(dueAt).toISOString()).toBe('2024-10-10T15:59:59.999Z');
  });

  it('names the three-character holidays in full (清明节, 端午节, 中秋节)', () => {
    expect(calendar.dayInfo('2024-04-04').name).toBe('清明节');
    expect(calendar.dayInfo('2024-06-10').name).toBe('端午节');
    expect(calendar.dayInfo('2024-09-17').name).toBe('中秋节');
  });
});

describe('overrides win over the built-in data', () => {
  it('turns a workday into a holiday, moving the due date by one working day', () => {
    const local = WorkingDayCalendar.withOverrides([{ date: '2024-11-12', kind: 'HOLIDAY', name: '地方防汛停工' }]);
    const result = local.addWorkingDays('2024-11-08', 5);
    expect(result.dueDate).toBe('2024-11-18');
    expect(result.skipped).toContainEqual({ date: '2024-11-12', reason: 'OVERRIDE_HOLIDAY', name: '地方防汛停工' });
    expect(result.explanation).toContain('经本地调整为休息日不计：2024-11-12（周二，地方防汛停工）');
    expect(local.dayInfo('2024-11-12')).toMatchObject({ working: false, reason: 'OVERRIDE_HOLIDAY' });
  });

  it('makes a Saturday a workday, which counts and is reported as a make-up day', () => {
    const local = new WorkingDayCalendar([{ date: '2024-11-09', kind: 'WORKDAY', name: '集中排查日' }]);
    const result = local.addWorkingDays('2024-11-08', 5);
    expect(result.dueDate).toBe('2024-11-14');
    expect(result.makeupDetails).toEqual([{ date: '2024-11-09', reason: 'OVERRIDE_WORKDAY', name: '集中排查日' }]);
    expect(result.explanation).toContain('2024-11-09（周六）经本地调整为工作日（集中排查日），计入');
  });

  it('can cancel a built-in make-up workday and open a built-in holiday', () => {
    const cancelled = WorkingDayCalendar.withOverrides([{ date: '2024-09-29', kind: 'HOLIDAY' }]);
    expect(cancelled.addWorkingDays('2024-09-27', 5).dueDate).toBe('2024-10-11');
    const swapped = WorkingDayCalendar.withOverrides([
      { date: '2024-09-29', kind: 'HOLIDAY' },
      { date: '2024-10-07', kind: 'WORKDAY' },
    ]);
    const result = swapped.addWorkingDays('2024-09-27', 5);
    expect(result.dueDate).toBe('2024-10-10');
    expect(result.makeupWorkdays).toEqual(['2024-10-07']);
    expect(result.skipped.map((d) => d.date)).toEqual(['2024-09-28', '2024-09-29', ...NATIONAL_DAY_2024.slice(0, 6)]);
  });

  it('does not change the default calendar', () => {
    WorkingDayCalendar.withOverrides([{ date: '2024-11-12', kind: 'HOLIDAY' }]);
    expect(calendar.isWorkingDay('2024-11-12')).toBe(true);
  });
});

describe('built-in data', () => {
  it('covers 2020 through the latest year chinese-days publishes', () => {
    const years = calendar.coveredYears();
    expect(years[0]).toBe(2020);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2020 + i));
    expect(years).toContain(2025);
  });

  it('agrees with chinese-days on every day of the covered years', () => {
    const years = calendar.coveredYears();
    for (let day = `${years[0]}-01-01`; day <= `${years[years.length - 1]}-12-31`; day = addDays(day, 1)) {
      if (calendar.isWorkingDay(day) !== isWorkday(day)) throw new Error(`disagrees on ${day}`);
    }
  });

  it('falls back to Monday–Friday outside the covered years and says so', () => {
    const next = Math.max(...calendar.coveredYears()) + 1;
    const result = calendar.addWorkingDays(`${next}-01-01`, 5);
    expect(result.outsideData).toBe(true);
    expect(result.explanation).toContain('超出内置节假日安排');
    expect(calendar.dayInfo(`${next}-10-01`)).toMatchObject({ outsideData: true });
    expect(calendar.dayInfo('2019-10-01')).toEqual({ date: '2019-10-01', working: true, reason: 'WORKDAY', outsideData: true });
    expect(calendar.addWorkingDays('2024-09-27', 5).outsideData).toBe(false);
  });
});
