import type { LocalDate } from './dates';

/** Why a day is (not) a working day. */
export type DayReason =
  | 'WORKDAY' // an ordinary Monday–Friday
  | 'WEEKEND' // an ordinary Saturday or Sunday (周末)
  | 'HOLIDAY' // a State Council public holiday, including the weekend days inside it (法定节假日)
  | 'MAKEUP_WORKDAY' // a weekend day worked in exchange for a holiday (调休上班)
  | 'OVERRIDE_HOLIDAY' // made a day off by a caller-supplied override
  | 'OVERRIDE_WORKDAY'; // made a working day by a caller-supplied override

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  reason: DayReason;
  /** Holiday name (国庆节) or the override's name. */
  name?: string;
  /** Set when the date lies outside the years the holiday data covers and plain Monday–Friday was assumed. */
  outsideData?: true;
}

/** Why a day after the triggering day did not count. */
export type SkipReason = 'WEEKEND' | 'HOLIDAY' | 'OVERRIDE_HOLIDAY' | 'PAUSED';

export interface SkippedDay {
  date: LocalDate;
  reason: SkipReason;
  name?: string;
}

/** A day that counted although it would normally be a day off (a weekend or a holiday). */
export interface MakeupDay {
  date: LocalDate;
  reason: 'MAKEUP_WORKDAY' | 'OVERRIDE_WORKDAY';
  /** The holiday the make-up day belongs to (国庆节), or the override's name. */
  name?: string;
}

/** A per-date correction that wins over the built-in data (e.g. a row of a database table). */
export interface CalendarOverride {
  date: LocalDate;
  kind: 'HOLIDAY' | 'WORKDAY';
  name?: string;
}

/**
 * A pause of a clock. It runs from `from` (inclusive) to `to`, the day the clock runs again (exclusive):
 * the working days in [from, to) are not counted. Without `to` the pause is still open.
 */
export interface ClockPause {
  from: LocalDate;
  to?: LocalDate;
}

/** How pauses affected a deadline. */
export interface PauseSummary {
  /** The pauses, sorted by start. */
  pauses: ClockPause[];
  /** Working days that fell inside pauses (before the due date, or before the open pause) and did not count. */
  pausedWorkingDays: number;
  /** Working days counted so far: equal to `workingDays` once the due date is fixed. */
  countedWorkingDays: number;
  /** True when the clock is stopped by a pause that has not been resumed: there is then no due date. */
  open: boolean;
  /** Start of the open pause. */
  openSince?: LocalDate;
}

interface DeadlineBase {
  /** The triggering day (not itself counted). */
  from: LocalDate;
  workingDays: number;
  /** Days after `from` that did not count, in date order (only up to the due date / the open pause). */
  skipped: SkippedDay[];
  /** Weekend or holiday dates that counted as working days (调休上班 or an override), in date order. */
  makeupWorkdays: LocalDate[];
  /** The same days with their reason and name. */
  makeupDetails: MakeupDay[];
  /** Some day considered lies outside the covered years: plain Monday–Friday was assumed there. */
  outsideData: boolean;
  /** A sentence a Chinese official reads. */
  explanation: string;
}

export interface DeadlineResult extends DeadlineBase {
  /** The Nth working day after `from`. */
  dueDate: LocalDate;
  /** 23:59:59.999 Beijing time on the due date, e.g. `2024-10-10T23:59:59.999+08:00`. */
  dueAt: string;
  /** Present when the deadline was computed with pauses. */
  paused?: PauseSummary & { open: false };
}

/** The clock is stopped by an open pause: no due date until it resumes. */
export interface PausedDeadline extends DeadlineBase {
  dueDate: null;
  dueAt: null;
  paused: PauseSummary & { open: true; openSince: LocalDate };
}
