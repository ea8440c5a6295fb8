/** Plain calendar-date arithmetic on `YYYY-MM-DD` strings, and the Asia/Shanghai (UTC+8, no DST) bridge. */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class CalendarInputError extends Error {
  readonly code: string;
  constructor(code: 'CALENDAR.INVALID_DATE' | 'CALENDAR.INVALID_WORKING_DAYS', readonly field: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'CalendarInputError';
  }
}

export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function assertIsoDate(value: unknown, field: string): string {
  if (!isValidIsoDate(value)) throw new CalendarInputError('CALENDAR.INVALID_DATE', field, `${field}：日期无效，应为YYYY-MM-DD（收到 ${String(value)}）`);
  return value;
}

export function assertWorkingDays(value: unknown, field = 'workingDays'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CalendarInputError('CALENDAR.INVALID_WORKING_DAYS', field, `${field}：工作日数应为非负整数（收到 ${String(value)}）`);
  }
  return value;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

/** The Asia/Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: Date | string | number): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new CalendarInputError('CALENDAR.INVALID_DATE', 'instant', `时间无效：${String(instant)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 23:59:59.999 Asia/Shanghai on the given date. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${assertIsoDate(date, 'date')}T23:59:59.999+08:00`));
}

/** `2024-10-10T23:59:59.999+08:00`: the end of a due date, written in Beijing time. */
export function endOfShanghaiDayIso(date: string): string {
  return `${date}T23:59:59.999+08:00`;
}
