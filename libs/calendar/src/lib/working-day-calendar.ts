import { addDays, assertIsoDate, assertWorkingDays, dayOfWeek, endOfShanghaiDayIso } from './dates';
import { explainDeadline } from './explain';
import { builtInHolidayData, type HolidayData } from './holiday-data';
import type { CalendarOverride, ClockPause, DayInfo, DeadlineResult, PausedDeadline, SkippedDay } from './types';

/** Counting never runs further than this many calendar days (a guard against runaway loops). */
const MAX_SPAN_DAYS = 3660;

/**
 * The Chinese working-day calendar: State Council holidays and 调休 make-up workdays from the built-in
 * data, corrected by per-date overrides. A deadline of N working days ends at 23:59:59 Beijing time on
 * the Nth working day after the triggering day (that day itself is not counted).
 */
export class WorkingDayCalendar {
  private readonly overrides: ReadonlyMap<string, CalendarOverride>;

  constructor(
    overrides: readonly CalendarOverride[] = [],
    private readonly data: HolidayData = builtInHolidayData(),
  ) {
    this.overrides = new Map(overrides.map((o) => [assertIsoDate(o.date, 'override.date'), o]));
  }

  static withOverrides(overrides: readonly CalendarOverride[]): WorkingDayCalendar {
    return new WorkingDayCalendar(overrides);
  }

  /** Years the built-in holiday data covers; outside them plain Monday–Friday is assumed. */
  coveredYears(): readonly number[] {
    return this.data.years;
  }

  dayInfo(date: string): DayInfo {
    assertIsoDate(date, 'date');
    const override = this.overrides.get(date);
    if (override) {
      const working = override.kind === 'WORKDAY';
      return { date, working, reason: working ? 'OVERRIDE_WORKDAY' : 'OVERRIDE_HOLIDAY', name: override.name };
    }
    const holiday = this.data.holidays.get(date);
    if (holiday) return { date, working: false, reason: 'HOLIDAY', name: holiday };
    const makeup = this.data.makeupWorkdays.get(date);
    if (makeup) return { date, working: true, reason: 'MAKEUP_WORKDAY', name: makeup };
    const weekend = dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
    const outsideData = !this.data.years.includes(Number(date.slice(0, 4))) || undefined;
    return { date, working: !weekend, reason: weekend ? 'WEEKEND' : 'WORKDAY', outsideData };
  }

  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).working;
  }

  addWorkingDays(from: string, workingDays: number): DeadlineResult {
    const result = this.count(from, workingDays, []);
    if (result.dueDate === null) throw new Error('unreachable: no pauses given');
    return result;
  }

  /**
   * Like addWorkingDays, but working days inside a pause do not count. A pause runs from its `from` day
   * (inclusive) to its `to` day, the day the clock runs again (exclusive). While a pause is still open
   * there is no due date: the result says how many working days were already used.
   */
  deadlineWithPauses(from: string, workingDays: number, pauses: readonly ClockPause[]): DeadlineResult | PausedDeadline {
    pauses.forEach((p) => {
      assertIsoDate(p.from, 'pause.from');
      if (p.to !== undefined) assertIsoDate(p.to, 'pause.to');
    });
    return this.count(from, workingDays, pauses);
  }

  /** Working days d with from < d <= to (negative when `to` is before `from`). */
  workingDaysBetween(from: string, to: string): number {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }

  private count(from: string, workingDays: number, pauses: readonly ClockPause[]): DeadlineResult | PausedDeadline {
    assertIsoDate(from, 'from');
    assertWorkingDays(workingDays);
    const skipped: SkippedDay[] = [];
    const makeupWorkdays: string[] = [];
    let counted = 0;
    let outsideData = false;
    let day = from;
    for (let step = 0; counted < workingDays; step += 1) {
      if (step > MAX_SPAN_DAYS) throw new Error(`deadline beyond ${MAX_SPAN_DAYS} days from ${from}`);
      day = addDays(day, 1);
      const pause = pauses.find((p) => p.from <= day && (p.to === undefined || day < p.to));
      if (pause && pause.to === undefined) return this.pausedResult(from, workingDays, counted, pause.from);
      const info = this.dayInfo(day);
      outsideData ||= info.outsideData === true;
      if (!info.working) skipped.push({ date: day, reason: info.reason, name: info.name });
      else if (pause) skipped.push({ date: day, reason: 'PAUSED' });
      else {
        counted += 1;
        if (info.reason === 'MAKEUP_WORKDAY' || (info.reason === 'OVERRIDE_WORKDAY' && [0, 6].includes(dayOfWeek(day)))) makeupWorkdays.push(day);
      }
    }
    const pausedWorkingDays = skipped.filter((d) => d.reason === 'PAUSED').length;
    const base = { from, workingDays, dueDate: day, skipped, makeupWorkdays, outsideData };
    return { ...base, dueAt: endOfShanghaiDayIso(day), pausedWorkingDays, explanation: explainDeadline(base) };
  }

  private pausedResult(from: string, workingDays: number, counted: number, since: string): PausedDeadline {
    const explanation = `自${from}起算${workingDays}个工作日，已用${counted}个工作日；自${since}起暂停计时（等待核查结果），恢复后继续计算。`;
    return { from, workingDays, dueDate: null, dueAt: null, paused: true, countedWorkingDays: counted, explanation };
  }
}
