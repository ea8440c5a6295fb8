import { addDays, endOfShanghaiDayIso, toShanghaiDate } from '@prp/calendar';

/** Calendar periods in Asia/Shanghai: months `YYYY-MM` and quarters `YYYYQn`. Pure and deterministic. */

/** Today's Asia/Shanghai date in workflow time. */
export function today(): string {
  return toShanghaiDate(Date.now());
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstDayOfMonth(period: string): string {
  return `${period}-01`;
}

export function lastDayOfMonth(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function nextMonth(period: string): string {
  return monthOf(addDays(lastDayOfMonth(period), 1));
}

export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/** First month (`YYYY-MM`) of a quarter `YYYYQn`. */
export function firstMonthOfQuarter(quarter: string): string {
  const q = Number(quarter.slice(5));
  return `${quarter.slice(0, 4)}-${String(q * 3 - 2).padStart(2, '0')}`;
}

export function lastDayOfQuarter(quarter: string): string {
  const q = Number(quarter.slice(5));
  return lastDayOfMonth(`${quarter.slice(0, 4)}-${String(q * 3).padStart(2, '0')}`);
}

/** Whether `period` (a month) is the first month of its quarter. */
export function startsQuarter(period: string): boolean {
  return Number(period.slice(5, 7)) % 3 === 1;
}

/** 23:59:59.999 Beijing time on `date`. */
export function endOf(date: string): string {
  return endOfShanghaiDayIso(date);
}
