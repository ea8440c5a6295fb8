export * from './lib/types';
export * from './lib/dates';
export { WorkingDayCalendar } from './lib/working-day-calendar';
export { explainDeadline } from './lib/explain';
