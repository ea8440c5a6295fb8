/** Public interface of the screening engine (pure TypeScript: no framework, no I/O). */
export * from './vocabulary';
export * from './household';
export * from './policy-profile';
export * from './rule-result';
export * from './screen-household';
export * from './screening-summary';
export * from './id-card';
export * from './year-month';
export {
  CATEGORY_LABELS,
  COLOUR_LABELS,
  EXPENSE_TYPE_LABELS,
  GUARANTEE_LABELS,
  INCOME_TYPE_LABELS,
  RISK_POINT_LABELS,
} from './labels';
export { formatYuan } from './money';
export { incomeWindow, type IncomeWindow } from './rules/income-window.rule';
export { resolveMonitoringLineFen } from './rules/line.rules';
export { yellowLineFen } from './rules/colour.rule';
