/** Validation of counting inputs: working-day counts and pause lists. */
import { assertIsoDate, toEpochDay } from './dates';
import type { PauseInterval } from './count';
import { CalendarInputError } from './errors';
import type { ClockPause } from './types';

/** The largest supported count (about 40 years): far beyond any statutory deadline. */
export const MAX_WORKING_DAYS = 10_000;

/** Returns the count, or throws CALENDAR.INVALID_WORKING_DAYS unless it is an integer 0 … MAX_WORKING_DAYS. */
export function assertWorkingDays(value: unknown, field = 'workingDays'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WORKING_DAYS) return value;
  throw CalendarInputError.of('CALENDAR.INVALID_WORKING_DAYS', field, `应为 0 至 ${MAX_WORKING_DAYS} 之间的整数`, value);
}

function checkPause(pause: ClockPause): void {
  assertIsoDate(pause?.from, 'pause.from');
  if (pause.to === undefined) return;
  assertIsoDate(pause.to, 'pause.to');
  if (pause.to < pause.from) throw CalendarInputError.of('CALENDAR.INVALID_PAUSE', 'pause.to', `恢复日期不得早于暂停日期 ${pause.from}`, pause.to);
}

/** Earlier start first; for the same start an open pause last. */
function byStart(a: ClockPause, b: ClockPause): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  return Number(a.to === undefined) - Number(b.to === undefined);
}

/**
 * Validates pauses and returns them sorted by start (as copies) with their epoch-day intervals.
 * At most one pause may be open (no `to`), and no pause may start after it.
 */
export function normalizePauses(pauses: readonly ClockPause[]): { sorted: ClockPause[]; intervals: PauseInterval[] } {
  if (!Array.isArray(pauses)) throw CalendarInputError.of('CALENDAR.INVALID_PAUSE', 'pauses', '应为暂停记录列表', pauses);
  pauses.forEach(checkPause);
  const sorted = pauses.map((p) => ({ ...p })).sort(byStart);
  const openIndex = sorted.findIndex((p) => p.to === undefined);
  if (openIndex !== -1 && openIndex !== sorted.length - 1) {
    throw CalendarInputError.of('CALENDAR.INVALID_PAUSE', 'pause.to', '只有最后一次暂停可以尚未恢复', sorted[openIndex].from);
  }
  const intervals = sorted.map((p) => ({ start: toEpochDay(p.from), end: p.to === undefined ? Infinity : toEpochDay(p.to) }));
  return { sorted, intervals };
}
