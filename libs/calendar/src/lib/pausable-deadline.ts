import { assertIsoDate, type LocalDate } from './dates';
import { CalendarInputError } from './errors';
import { assertWorkingDays } from './inputs';
import type { ClockPause, DeadlineResult, PausedDeadline } from './types';
import type { WorkingDayCalendar } from './working-day-calendar';

/** The plain-data form of a PausableDeadline, e.g. for workflow state or a database column. */
export interface PausableDeadlineState {
  from: LocalDate;
  workingDays: number;
  pauses: ClockPause[];
}

/**
 * An immutable clock of N working days from a triggering day that can be paused and resumed (e.g. while
 * waiting for the provincial big-data property check). `pause(P)` stops the clock on day P (inclusive),
 * `resume(R)` restarts it on day R (exclusive): the working days in [P, R) do not count, so the due date
 * moves by exactly that many working days. While paused there is no due date. Pauses must come in order:
 * a pause not before the triggering day nor before the previous resume, a resume not before its pause.
 * Every change returns a new value; the calendar is passed to `due()`, so the value stays plain data.
 */
export class PausableDeadline {
  private constructor(
    readonly from: LocalDate,
    readonly workingDays: number,
    private readonly history: readonly Readonly<ClockPause>[],
  ) {}

  static start(from: LocalDate, workingDays: number): PausableDeadline {
    return new PausableDeadline(assertIsoDate(from, 'from'), assertWorkingDays(workingDays), []);
  }

  /** Rebuilds a clock from its state, checking the pauses as if they were replayed one by one. */
  static restore(state: PausableDeadlineState): PausableDeadline {
    return state.pauses.reduce((clock, p) => {
      const paused = clock.pause(p.from);
      return p.to === undefined ? paused : paused.resume(p.to);
    }, PausableDeadline.start(state.from, state.workingDays));
  }

  get pauses(): ClockPause[] {
    return this.history.map((p) => ({ ...p }));
  }

  get isPaused(): boolean {
    const last = this.history[this.history.length - 1];
    return last !== undefined && last.to === undefined;
  }

  /** Stops the clock from `date` (inclusive). */
  pause(date: LocalDate): PausableDeadline {
    assertIsoDate(date, 'pause.from');
    const fail = (problem: string) => CalendarInputError.of('CALENDAR.INVALID_PAUSE', 'pause.from', problem, date);
    if (this.isPaused) throw fail('计时已处于暂停状态，须先恢复计时');
    if (date < this.from) throw fail(`暂停日期不得早于起算日期 ${this.from}`);
    const lastResume = this.history[this.history.length - 1]?.to;
    if (lastResume !== undefined && date < lastResume) throw fail(`暂停日期不得早于上次恢复日期 ${lastResume}`);
    return new PausableDeadline(this.from, this.workingDays, [...this.history, { from: date }]);
  }

  /** Restarts the clock on `date`, which counts again. */
  resume(date: LocalDate): PausableDeadline {
    assertIsoDate(date, 'pause.to');
    const open = this.history[this.history.length - 1];
    const fail = (problem: string) => CalendarInputError.of('CALENDAR.INVALID_PAUSE', 'pause.to', problem, date);
    if (open === undefined || open.to !== undefined) throw fail('计时未暂停，无需恢复');
    if (date < open.from) throw fail(`恢复日期不得早于暂停日期 ${open.from}`);
    return new PausableDeadline(this.from, this.workingDays, [...this.history.slice(0, -1), { from: open.from, to: date }]);
  }

  /** The due date on the given calendar, or no due date (dueDate null) while paused. */
  due(calendar: WorkingDayCalendar): DeadlineResult | PausedDeadline {
    return calendar.deadlineWithPauses(this.from, this.workingDays, this.history);
  }

  toJSON(): PausableDeadlineState {
    return { from: this.from, workingDays: this.workingDays, pauses: this.pauses };
  }
}
