export type DayReason =
  | 'WORKDAY'
  | 'WEEKEND'
  | 'HOLIDAY'
  | 'MAKEUP_WORKDAY'
  | 'OVERRIDE_HOLIDAY'
  | 'OVERRIDE_WORKDAY'
  | 'PAUSED';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  /** Holiday name (国庆节) or override name. */
  name?: string;
  /** The date lies in a year the holiday data does not cover: plain Monday–Friday was assumed. */
  outsideData?: boolean;
}

export interface SkippedDay {
  date: string;
  reason: DayReason;
  name?: string;
}

/** A per-date correction that wins over the built-in data (e.g. from a database table). */
export interface CalendarOverride {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name?: string;
}

/** A pause of a clock: from `from` (inclusive) until `to`, the day it runs again (exclusive); open if no `to`. */
export interface ClockPause {
  from: string;
  to?: string;
}

export interface DeadlineResult {
  from: string;
  workingDays: number;
  dueDate: string;
  /** 23:59:59.999 Beijing time on the due date. */
  dueAt: string;
  /** Non-working days (and paused working days) passed over, in order. */
  skipped: SkippedDay[];
  /** Weekend days that counted because they were make-up workdays (调休上班). */
  makeupWorkdays: string[];
  pausedWorkingDays: number;
  /** Some counted day lies outside the years the holiday data covers. */
  outsideData: boolean;
  /** The same, in a sentence a Chinese official reads. */
  explanation: string;
}

export interface PausedDeadline {
  from: string;
  workingDays: number;
  dueDate: null;
  dueAt: null;
  paused: true;
  /** Working days already counted before the open pause began. */
  countedWorkingDays: number;
  explanation: string;
}
