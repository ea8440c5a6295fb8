export type { LocalDate } from './lib/dates';
export { isValidIsoDate, addDays, dayOfWeek, weekdayName } from './lib/dates';
export { CalendarInputError, type CalendarErrorCode } from './lib/errors';
export { MAX_WORKING_DAYS } from './lib/inputs';
export { toShanghaiDate, startOfShanghaiDay, endOfShanghaiDay, endOfShanghaiDayIso } from './lib/shanghai-time';
export { FIRST_BUILT_IN_YEAR } from './lib/holiday-data';
export type {
  DayReason,
  DayInfo,
  SkipReason,
  SkippedDay,
  MakeupDay,
  CalendarOverride,
  ClockPause,
  PauseSummary,
  DeadlineResult,
  PausedDeadline,
} from './lib/types';
export { WorkingDayCalendar } from './lib/working-day-calendar';
export { PausableDeadline, type PausableDeadlineState } from './lib/pausable-deadline';
export { explainDeadline, type ExplainInput } from './lib/explain';
