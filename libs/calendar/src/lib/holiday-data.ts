import data from 'chinese-days/dist/chinese-days.json';

/** The State Council's holiday arrangements as published in the chinese-days package. */
export interface HolidayData {
  /** date -> Chinese holiday name, for every official day off that is not a plain weekend rest. */
  holidays: ReadonlyMap<string, string>;
  /** date -> holiday name, for every weekend day that is a make-up workday (调休上班). */
  makeupWorkdays: ReadonlyMap<string, string>;
  years: readonly number[];
}

/** "National Day,国庆节,3" -> "国庆节". */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

function toMap(source: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(source).map(([date, entry]) => [date, chineseName(entry)]));
}

let cached: HolidayData | undefined;

export function builtInHolidayData(): HolidayData {
  if (cached) return cached;
  const holidays = toMap(data.holidays as Record<string, string>);
  const makeupWorkdays = toMap(data.workdays as Record<string, string>);
  const years = [...new Set([...holidays.keys()].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  cached = { holidays, makeupWorkdays, years };
  return cached;
}
