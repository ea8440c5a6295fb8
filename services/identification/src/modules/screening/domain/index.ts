export * from './vocabulary';
export * from './household';
export * from './policy-profile';
export * from './rule-result';
export * from './screen-household';
export * from './id-card';
export * from './year-month';
export { formatYuan } from './money';
export { incomeWindow } from './rules/income-window.rule';
