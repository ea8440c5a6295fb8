import { assertIsoDate, fromEpochDay, toEpochDay, type LocalDate } from './dates';
import { createClassifier, indexOverrides, type Classifier } from './day-classifier';
import { countWorkingDays, type CountOutcome } from './count';
import { explainDeadline } from './explain';
import { builtInHolidayData, type HolidayData } from './holiday-data';
import { assertWorkingDays, normalizePauses } from './inputs';
import { endOfShanghaiDayIso } from './shanghai-time';
import type { CalendarOverride, ClockPause, DayInfo, DeadlineResult, PausedDeadline, PauseSummary } from './types';

/**
 * The Chinese working-day calendar: State Council holidays and 调休 make-up workdays from the built-in data
 * (years from 2020, see coveredYears()), corrected by per-date overrides that win over it; outside the covered
 * years plain Monday–Friday is assumed and results say so. Immutable, pure and deterministic.
 *
 * A deadline of N working days ends at 23:59:59.999 Beijing time on the Nth working day AFTER the triggering
 * day (the triggering day itself is never counted; N = 0 means the end of the triggering day itself).
 */
export class WorkingDayCalendar {
  private readonly data: HolidayData = builtInHolidayData();
  private readonly classify: Classifier;

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.classify = createClassifier(this.data, indexOverrides(overrides));
  }

  static withOverrides(overrides: readonly CalendarOverride[]): WorkingDayCalendar {
    return new WorkingDayCalendar(overrides);
  }

  /** Years the built-in holiday data covers (2020 … the latest the package publishes); callers may warn beyond. */
  coveredYears(): readonly number[] {
    return this.data.years;
  }

  dayInfo(date: LocalDate): DayInfo {
    const { working, reason, name, outsideData } = this.classify(toEpochDay(assertIsoDate(date, 'date')));
    return { date, working, reason, ...(name ? { name } : {}), ...(outsideData ? { outsideData: true } : {}) };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.classify(toEpochDay(assertIsoDate(date, 'date'))).working;
  }

  /** The deadline `workingDays` working days after `from` (0 … 10000; `from` itself is not counted). */
  addWorkingDays(from: LocalDate, workingDays: number): DeadlineResult {
    const fromDay = toEpochDay(assertIsoDate(from, 'from'));
    const outcome = countWorkingDays(this.classify, fromDay, assertWorkingDays(workingDays), []);
    return this.fixedResult(from, workingDays, outcome, undefined);
  }

  /**
   * Like addWorkingDays, but a clock that was paused: the working days inside a pause do not count.
   * A pause `{ from: P, to: R }` stops the clock on day P (inclusive) and restarts it on day R (exclusive):
   * the working days in [P, R) are excluded, so the due date moves by exactly that many working days.
   * Paused and resumed on the same day (R = P) excludes nothing. Overlapping pauses count once. A pause
   * starting after the due date changes nothing (the time had already run out).
   * A pause without `to` is still open: if the count reaches it before the due date there is no due date
   * (dueDate null) and `paused` tells how many working days were already used.
   */
  deadlineWithPauses(from: LocalDate, workingDays: number, pauses: readonly ClockPause[]): DeadlineResult | PausedDeadline {
    const fromDay = toEpochDay(assertIsoDate(from, 'from'));
    assertWorkingDays(workingDays);
    const { sorted, intervals } = normalizePauses(pauses);
    const outcome = countWorkingDays(this.classify, fromDay, workingDays, intervals);
    if (outcome.openSince === undefined) return this.fixedResult(from, workingDays, outcome, sorted);
    const paused = { ...this.pauseSummary(outcome, sorted), open: true as const, openSince: fromEpochDay(outcome.openSince) };
    const base = { from, workingDays, ...this.details(outcome) };
    const explanation = explainDeadline({ ...base, dueDate: null, coveredYears: this.data.years, paused });
    return { ...base, dueDate: null, dueAt: null, paused, explanation };
  }

  /**
   * The number of working days d with from < d <= to, so that
   * `workingDaysBetween(from, addWorkingDays(from, n).dueDate) === n`. Zero when to = from; when `to` is
   * before `from` the result is negative: -workingDaysBetween(to, from).
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const start = toEpochDay(assertIsoDate(from, 'from'));
    const end = toEpochDay(assertIsoDate(to, 'to'));
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) if (this.classify(day).working) count += 1;
    return sign * count;
  }

  private details(outcome: CountOutcome) {
    const makeupWorkdays = outcome.makeup.map((d) => d.date);
    return { skipped: outcome.skipped, makeupWorkdays, makeupDetails: outcome.makeup, outsideData: outcome.outsideData };
  }

  private pauseSummary(outcome: CountOutcome, pauses: ClockPause[]): PauseSummary {
    return { pauses, pausedWorkingDays: outcome.pausedWorkingDays, countedWorkingDays: outcome.counted, open: false };
  }

  private fixedResult(from: LocalDate, workingDays: number, outcome: CountOutcome, pauses: ClockPause[] | undefined): DeadlineResult {
    const dueDate = fromEpochDay(outcome.endDay);
    const paused = pauses ? { ...this.pauseSummary(outcome, pauses), open: false as const } : undefined;
    const base = { from, workingDays, dueDate, ...this.details(outcome) };
    const explanation = explainDeadline({ ...base, coveredYears: this.data.years, paused });
    return { ...base, dueAt: endOfShanghaiDayIso(dueDate), ...(paused ? { paused } : {}), explanation };
  }
}
