/**
 * The bridge between instants and Asia/Shanghai calendar dates. Shanghai is UTC+8 all year (no daylight
 * saving), so the conversion is a fixed offset and never depends on the host's time zone.
 */
import { assertIsoDate, fromEpochDay, isValidIsoDate, toEpochDay, type LocalDate } from './dates';
import { CalendarInputError } from './errors';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** ISO 8601 date-time with an explicit zone (`Z` or `±HH:mm`): anything else would depend on the host. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function instantMs(instant: Date | string | number): number {
  if (instant instanceof Date || typeof instant === 'number') return new Date(instant).getTime();
  if (typeof instant === 'string' && ISO_INSTANT.test(instant)) return Date.parse(instant);
  return Number.NaN;
}

/**
 * The Asia/Shanghai calendar date of an instant: `toShanghaiDate('2024-09-30T16:30:00Z') === '2024-10-01'`.
 * Accepts a Date, epoch milliseconds, an ISO date-time string WITH a zone (`Z`, `+08:00`, …), or a plain
 * `YYYY-MM-DD`, which is already a Shanghai date and is returned as is. A date-time string without a zone
 * is rejected (CALENDAR.INVALID_INSTANT): its meaning would depend on the server's time zone.
 */
export function toShanghaiDate(instant: Date | string | number): LocalDate {
  if (isValidIsoDate(instant)) return instant;
  const ms = instantMs(instant);
  if (Number.isNaN(ms)) {
    throw CalendarInputError.of('CALENDAR.INVALID_INSTANT', 'instant', '应为有效时间（ISO 8601 格式须带时区，如 Z 或 +08:00）', instant);
  }
  return fromEpochDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 Beijing time on the given date. */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(toEpochDay(assertIsoDate(date, 'date')) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Beijing time on the given date (= 15:59:59.999Z): the instant a deadline on that date ends. */
export function endOfShanghaiDay(date: LocalDate): Date {
  return new Date(startOfShanghaiDay(date).getTime() + DAY_MS - 1);
}

/** `2024-10-10T23:59:59.999+08:00`: the end of a due date, written in Beijing time. */
export function endOfShanghaiDayIso(date: LocalDate): string {
  return `${assertIsoDate(date, 'date')}T23:59:59.999+08:00`;
}
