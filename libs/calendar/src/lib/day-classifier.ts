import { assertIsoDate, toEpochDay, weekdayOfEpochDay } from './dates';
import { CalendarInputError } from './errors';
import type { HolidayData } from './holiday-data';
import type { CalendarOverride, DayReason } from './types';

/** What a day is, computed from an epoch day. */
export interface Classification {
  working: boolean;
  reason: DayReason;
  name?: string;
  /** Plain Monday–Friday was assumed (no override, outside the covered years). */
  outsideData: boolean;
  /** Without make-up days and overrides this would be a day off (a weekend or a holiday). */
  normallyOff: boolean;
}

export type Classifier = (epochDay: number) => Classification;

/** Validates overrides and keys them by epoch day; for a date given twice the later entry wins. */
export function indexOverrides(overrides: readonly CalendarOverride[]): Map<number, CalendarOverride> {
  const index = new Map<number, CalendarOverride>();
  for (const override of overrides) {
    const date = assertIsoDate(override?.date, 'override.date');
    if (override.kind !== 'HOLIDAY' && override.kind !== 'WORKDAY') {
      throw CalendarInputError.of('CALENDAR.INVALID_OVERRIDE', 'override.kind', '应为 HOLIDAY 或 WORKDAY', override.kind);
    }
    index.set(toEpochDay(date), { ...override });
  }
  return index;
}

function builtIn(data: HolidayData, day: number): Classification {
  const holiday = data.holidays.get(day);
  if (holiday !== undefined) return { working: false, reason: 'HOLIDAY', name: holiday, outsideData: false, normallyOff: true };
  const weekday = weekdayOfEpochDay(day);
  const weekend = weekday === 0 || weekday === 6;
  const makeup = data.makeupWorkdays.get(day);
  if (makeup !== undefined) return { working: true, reason: 'MAKEUP_WORKDAY', name: makeup, outsideData: false, normallyOff: weekend };
  const outsideData = day < data.firstDay || day > data.lastDay;
  return { working: !weekend, reason: weekend ? 'WEEKEND' : 'WORKDAY', outsideData, normallyOff: weekend };
}

/** Overrides first, then the State Council data, then plain Monday–Friday. */
export function createClassifier(data: HolidayData, overrides: ReadonlyMap<number, CalendarOverride>): Classifier {
  return (day) => {
    const base = builtIn(data, day);
    const override = overrides.get(day);
    if (!override) return base;
    const working = override.kind === 'WORKDAY';
    const reason = working ? 'OVERRIDE_WORKDAY' : 'OVERRIDE_HOLIDAY';
    return { working, reason, name: override.name, outsideData: false, normallyOff: base.normallyOff };
  };
}
