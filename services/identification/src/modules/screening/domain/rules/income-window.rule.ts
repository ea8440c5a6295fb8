import type { LocalDate } from '@prp/calendar';
import type { PolicyProfile } from '../policy-profile';
import type { ComputedRule } from '../rule-result';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthRange, type YearMonth } from '../year-month';

/** The income window (收入计算区间) of an identification month. */
export interface IncomeWindow {
  firstMonth: YearMonth;
  lastMonth: YearMonth;
  fromDate: LocalDate;
  toDate: LocalDate;
  months: readonly YearMonth[];
}

/**
 * From the first day of the same month `months` months before the identification month to the last day
 * of the month before it: 2021-06 → 2020-06-01 … 2021-05-31 (months 2020-06 … 2021-05).
 */
export function incomeWindow(identificationMonth: YearMonth, months = 12): IncomeWindow {
  const firstMonth = addMonths(identificationMonth, -months);
  const lastMonth = addMonths(identificationMonth, -1);
  return Object.freeze({
    firstMonth,
    lastMonth,
    fromDate: firstDayOfMonth(firstMonth),
    toDate: lastDayOfMonth(lastMonth),
    months: Object.freeze(monthRange(firstMonth, months)),
  });
}

/**
 * A campaign screens tens of thousands of households of the same identification month: the (frozen)
 * window is computed once per month and length. Bounded, so odd inputs cannot grow it without limit.
 */
const WINDOW_CACHE = new Map<string, IncomeWindow>();
const WINDOW_CACHE_LIMIT = 256;

export function cachedIncomeWindow(identificationMonth: YearMonth, months: number): IncomeWindow {
  const key = `${identificationMonth}|${months}`;
  let window = WINDOW_CACHE.get(key);
  if (window === undefined) {
    window = incomeWindow(identificationMonth, months);
    if (WINDOW_CACHE.size >= WINDOW_CACHE_LIMIT) WINDOW_CACHE.clear();
    WINDOW_CACHE.set(key, window);
  }
  return window;
}

/** `YYYY-MM` strings compare like the months they name. */
export function inWindow(window: IncomeWindow, month: YearMonth): boolean {
  return month >= window.firstMonth && month <= window.lastMonth;
}

/** Keeps the entries whose month lies in the window. */
export function withinWindow<T extends { month: YearMonth }>(window: IncomeWindow, entries: readonly T[]): T[] {
  return entries.filter((entry) => inWindow(window, entry.month));
}

export type IncomeWindowOutput = IncomeWindow & { ignoredIncomeEntries: number; ignoredExpenseEntries: number };

export interface WindowedEntries<TIncome, TExpense> {
  incomes: readonly TIncome[];
  expenses: readonly TExpense[];
}

/** Income and expense entries outside the window are ignored; the rule says how many. */
export function incomeWindowRule<TIncome extends { month: YearMonth }, TExpense extends { month: YearMonth }>(
  identificationMonth: YearMonth,
  all: WindowedEntries<TIncome, TExpense>,
  profile: PolicyProfile,
): WindowedEntries<TIncome, TExpense> & { result: ComputedRule<IncomeWindowOutput> } {
  const window = cachedIncomeWindow(identificationMonth, profile.incomeWindowMonths);
  const incomes = withinWindow(window, all.incomes);
  const expenses = withinWindow(window, all.expenses);
  const ignoredIncomeEntries = all.incomes.length - incomes.length;
  const ignoredExpenseEntries = all.expenses.length - expenses.length;
  const ignored =
    ignoredIncomeEntries + ignoredExpenseEntries > 0
      ? `；区间外收入${ignoredIncomeEntries}笔、支出${ignoredExpenseEntries}笔不计入`
      : '';
  const result: ComputedRule<IncomeWindowOutput> = {
    rule: 'INCOME_WINDOW',
    fired: true,
    inputs: { identificationMonth, windowMonths: profile.incomeWindowMonths },
    output: { ...window, ignoredIncomeEntries, ignoredExpenseEntries },
    reason: `认定月份${identificationMonth}，收支计算区间为${window.fromDate}至${window.toDate}（共${window.months.length}个月）${ignored}`,
  };
  return { result, incomes, expenses };
}
