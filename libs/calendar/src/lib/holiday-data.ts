/**
 * The built-in State Council holiday arrangements, taken from the chinese-days package's JSON data (read
 * once, at first use; no I/O, so it bundles into Temporal workflow code). Only years from
 * FIRST_BUILT_IN_YEAR on are used; earlier years fall back to plain Monday–Friday like future ones.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { toEpochDay } from './dates';

export const FIRST_BUILT_IN_YEAR = 2020;

export interface HolidayData {
  /** epoch day -> Chinese holiday name, for every official day off (weekend days inside a holiday included). */
  holidays: ReadonlyMap<number, string>;
  /** epoch day -> holiday name, for every weekend day worked in exchange (调休上班). */
  makeupWorkdays: ReadonlyMap<number, string>;
  /** Covered years, ascending and contiguous. */
  years: readonly number[];
  /** First and last epoch day of the covered years. */
  firstDay: number;
  lastDay: number;
}

/** The package abbreviates some names; officials use the full ones. */
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

/** "National Day,国庆节,3" -> "国庆节". */
function chineseName(entry: string): string {
  const name = entry.split(',')[1] ?? entry;
  return FULL_NAMES[name] ?? name;
}

function toMap(source: Record<string, string>): Map<number, string> {
  const entries = Object.entries(source).filter(([date]) => Number(date.slice(0, 4)) >= FIRST_BUILT_IN_YEAR);
  return new Map(entries.map(([date, entry]) => [toEpochDay(date), chineseName(entry)]));
}

function build(): HolidayData {
  const holidays = toMap(data.holidays as Record<string, string>);
  const makeupWorkdays = toMap(data.workdays as Record<string, string>);
  const lastYear = Math.max(...Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));
  const years = Array.from({ length: lastYear - FIRST_BUILT_IN_YEAR + 1 }, (_, i) => FIRST_BUILT_IN_YEAR + i);
  const firstDay = toEpochDay(`${FIRST_BUILT_IN_YEAR}-01-01`);
  return { holidays, makeupWorkdays, years: Object.freeze(years), firstDay, lastDay: toEpochDay(`${lastYear}-12-31`) };
}

let cached: HolidayData | undefined;

export function builtInHolidayData(): HolidayData {
  cached ??= build();
  return cached;
}
