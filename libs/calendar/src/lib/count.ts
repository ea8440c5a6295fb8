import { MAX_EPOCH_DAY, fromEpochDay } from './dates';
import type { Classification, Classifier } from './day-classifier';
import { CalendarInputError } from './errors';
import type { MakeupDay, SkippedDay } from './types';

/** A pause as epoch days: [start, end), end = Infinity while open. */
export interface PauseInterval {
  start: number;
  end: number;
}

/** The raw outcome of counting working days after a start day. */
export interface CountOutcome {
  /** The due day, or the last day looked at before an open pause stopped the clock. */
  endDay: number;
  counted: number;
  skipped: SkippedDay[];
  makeup: MakeupDay[];
  pausedWorkingDays: number;
  outsideData: boolean;
  /** Start of the open pause that stopped the clock. */
  openSince?: number;
}

function pauseAt(pauses: readonly PauseInterval[], day: number): PauseInterval | undefined {
  return pauses.find((p) => p.start <= day && day < p.end);
}

/** Files one day after the start into the outcome: skipped, paused, or counted (noting make-up days). */
function record(outcome: CountOutcome, day: number, info: Classification, paused: boolean): void {
  outcome.outsideData ||= info.outsideData;
  if (!info.working) {
    outcome.skipped.push({ date: fromEpochDay(day), reason: info.reason as SkippedDay['reason'], ...(info.name ? { name: info.name } : {}) });
  } else if (paused) {
    outcome.pausedWorkingDays += 1;
    outcome.skipped.push({ date: fromEpochDay(day), reason: 'PAUSED' });
  } else {
    outcome.counted += 1;
    if (info.normallyOff) {
      const reason = info.reason as MakeupDay['reason'];
      outcome.makeup.push({ date: fromEpochDay(day), reason, ...(info.name ? { name: info.name } : {}) });
    }
  }
}

/**
 * Walks the days after `fromDay` until `workingDays` working days outside pauses have been counted, or
 * until the walk enters an open pause (the clock stops there: `openSince` is set).
 */
export function countWorkingDays(classify: Classifier, fromDay: number, workingDays: number, pauses: readonly PauseInterval[]): CountOutcome {
  const outcome: CountOutcome = { endDay: fromDay, counted: 0, skipped: [], makeup: [], pausedWorkingDays: 0, outsideData: false };
  let day = fromDay;
  while (outcome.counted < workingDays) {
    day += 1;
    if (day > MAX_EPOCH_DAY) throw CalendarInputError.of('CALENDAR.OUT_OF_RANGE', 'workingDays', '截止日期超出 9999-12-31', workingDays);
    const pause = pauses.length ? pauseAt(pauses, day) : undefined;
    if (pause && pause.end === Infinity) return { ...outcome, endDay: day - 1, openSince: pause.start };
    record(outcome, day, classify(day), pause !== undefined);
  }
  return { ...outcome, endDay: day };
}
