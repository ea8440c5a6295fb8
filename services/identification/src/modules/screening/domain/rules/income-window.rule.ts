import type { LocalDate } from '@prp/calendar';
import type { ScreeningHousehold } from '../household';
import type { PolicyProfile } from '../policy-profile';
import type { ComputedRule } from '../rule-result';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthRange, type YearMonth } from '../year-month';

/** The income window (收入计算区间) of an identification month. */
export interface IncomeWindow {
  firstMonth: YearMonth;
  lastMonth: YearMonth;
  fromDate: LocalDate;
  toDate: LocalDate;
  months: YearMonth[];
}

/**
 * From the first day of the same month `months` months before the identification month to the last day
 * of the month before it: 2021-06 → 2020-06-01 … 2021-05-31 (months 2020-06 … 2021-05).
 */
export function incomeWindow(identificationMonth: YearMonth, months = 12): IncomeWindow {
  const firstMonth = addMonths(identificationMonth, -months);
  const lastMonth = addMonths(identificationMonth, -1);
  return {
    firstMonth,
    lastMonth,
    fromDate: firstDayOfMonth(firstMonth),
    toDate: lastDayOfMonth(lastMonth),
    months: monthRange(firstMonth, months),
  };
}

export function inWindow(window: IncomeWindow, month: YearMonth): boolean {
  return month >= window.firstMonth && month <= window.lastMonth;
}

/** Keeps the entries whose month lies in the window. */
export function withinWindow<T extends { month: YearMonth }>(window: IncomeWindow, entries: readonly T[]): T[] {
  return entries.filter((entry) => inWindow(window, entry.month));
}

export type IncomeWindowOutput = IncomeWindow & { ignoredIncomeEntries: number; ignoredExpenseEntries: number };

export function incomeWindowRule(
  household: ScreeningHousehold,
  profile: PolicyProfile,
): ComputedRule<IncomeWindowOutput> {
  const window = incomeWindow(household.identificationMonth, profile.incomeWindowMonths);
  const ignoredIncomeEntries = household.incomes.length - withinWindow(window, household.incomes).length;
  const ignoredExpenseEntries = household.expenses.length - withinWindow(window, household.expenses).length;
  const ignored =
    ignoredIncomeEntries + ignoredExpenseEntries > 0
      ? `；区间外收入${ignoredIncomeEntries}笔、支出${ignoredExpenseEntries}笔不计入`
      : '';
  return {
    rule: 'INCOME_WINDOW',
    fired: true,
    inputs: { identificationMonth: household.identificationMonth, windowMonths: profile.incomeWindowMonths },
    output: { ...window, ignoredIncomeEntries, ignoredExpenseEntries },
    reason: `认定月份${household.identificationMonth}，收支计算区间为${window.fromDate}至${window.toDate}（共${window.months.length}个月）${ignored}`,
  };
}
