import type { ExpenseEntry, IncomeEntry } from '../household';
import { EXPENSE_TYPE_LABELS, INCOME_TYPE_LABELS, joinLabels } from '../labels';
import { divideFloor, formatYuan, sumFen } from '../money';
import type { PolicyProfile } from '../policy-profile';
import type { ComputedRule } from '../rule-result';
import type { IncomeType } from '../vocabulary';

export interface ExemptIncomeOutput {
  countedFen: number;
  exemptFen: number;
}

/** 收入豁免: the profile's exempt types (project guaranteed dividends, basic pension) are not counted. */
export function exemptIncomeRule(
  incomesInWindow: readonly IncomeEntry[],
  profile: PolicyProfile,
): ComputedRule<ExemptIncomeOutput> {
  const isExempt = (type: IncomeType) => profile.exemptIncomeTypes.includes(type);
  const exemptFen = sumFen(incomesInWindow.filter((entry) => isExempt(entry.type)).map((entry) => entry.amountFen));
  const countedFen = sumFen(incomesInWindow.filter((entry) => !isExempt(entry.type)).map((entry) => entry.amountFen));
  return {
    rule: 'EXEMPT_INCOME',
    fired: exemptFen > 0,
    inputs: { exemptIncomeTypes: [...profile.exemptIncomeTypes], totalInWindowFen: exemptFen + countedFen },
    output: { countedFen, exemptFen },
    reason: `${joinLabels(profile.exemptIncomeTypes, INCOME_TYPE_LABELS)}不计入收入：豁免${formatYuan(exemptFen)}，计入收入${formatYuan(countedFen)}`,
  };
}

export interface MedicalDeductionOutput {
  deductibleFen: number;
  deductedFen: number;
  netIncomeFen: number;
}

/**
 * 支出核减: out-of-pocket medical costs in the window are deducted from the counted income.
 * (reading) The net income never goes below zero: the deduction is capped at the counted income.
 */
export function medicalDeductionRule(
  countedFen: number,
  expensesInWindow: readonly ExpenseEntry[],
  profile: PolicyProfile,
): ComputedRule<MedicalDeductionOutput> {
  const deductible = expensesInWindow.filter((entry) => profile.deductibleExpenseTypes.includes(entry.type));
  const deductibleFen = sumFen(deductible.map((entry) => entry.amountFen));
  const deductedFen = Math.min(deductibleFen, countedFen);
  const capped = deductedFen < deductibleFen ? `（超过收入部分不再核减，纯收入以0计）` : '';
  return {
    rule: 'MEDICAL_DEDUCTION',
    fired: deductedFen > 0,
    inputs: { countedFen, deductibleExpenseTypes: [...profile.deductibleExpenseTypes], deductibleFen },
    output: { deductibleFen, deductedFen, netIncomeFen: countedFen - deductedFen },
    reason: `核减${joinLabels(profile.deductibleExpenseTypes, EXPENSE_TYPE_LABELS)}${formatYuan(deductedFen)}${capped}，家庭纯收入${formatYuan(countedFen - deductedFen)}`,
  };
}

export interface PerCapitaOutput {
  perCapitaIncomeFen: number;
  rounding: 'FLOOR';
}

/**
 * Per-capita income = net income ÷ household size (every listed member), integer fen rounded down.
 * Rounding down is exact for the strict "below the line" test: x < line ⇔ floor(x) < line.
 */
export function perCapitaIncomeRule(netIncomeFen: number, householdSize: number): ComputedRule<PerCapitaOutput> {
  const perCapitaIncomeFen = divideFloor(netIncomeFen, householdSize);
  return {
    rule: 'PER_CAPITA_INCOME',
    fired: true,
    inputs: { netIncomeFen, householdSize },
    output: { perCapitaIncomeFen, rounding: 'FLOOR' },
    reason: `家庭纯收入${formatYuan(netIncomeFen)} ÷ ${householdSize}人 = 人均纯收入${formatYuan(perCapitaIncomeFen)}（按分向下取整）`,
  };
}
