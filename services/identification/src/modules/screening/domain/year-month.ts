import { addDays, type LocalDate } from '@prp/calendar';

/** A calendar month written `YYYY-MM`. */
export type YearMonth = string;

export const YEAR_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH_PATTERN.test(value) && value >= '0001-01';
}

function assertYearMonth(value: YearMonth): void {
  if (!isYearMonth(value)) throw new RangeError(`月份格式应为YYYY-MM：${String(value)}`);
}

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month: YearMonth, count: number): YearMonth {
  assertYearMonth(month);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

export function firstDayOfMonth(month: YearMonth): LocalDate {
  assertYearMonth(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: YearMonth): LocalDate {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** The `count` consecutive months starting at `first`. */
export function monthRange(first: YearMonth, count: number): YearMonth[] {
  return Array.from({ length: count }, (_, offset) => addMonths(first, offset));
}
