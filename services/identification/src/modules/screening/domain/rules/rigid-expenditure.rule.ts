import type { ExpenseEntry } from '../household';
import { EXPENSE_TYPE_LABELS, joinLabels, RISK_POINT_LABELS } from '../labels';
import { exceedsShare, formatBasisPoints, formatYuan, sumFen } from '../money';
import type { PolicyProfile } from '../policy-profile';
import type { ComputedRule } from '../rule-result';
import type { RiskPoint } from '../vocabulary';

export interface RigidExpenditureFacts {
  expensesInWindow: readonly ExpenseEntry[];
  /** Declared last-year income (上年收入), if known. */
  lastYearIncomeFen?: number;
  /** Counted (non-exempt) income of the window, before any deduction: the fallback basis. */
  windowCountedIncomeFen: number;
  riskPoints: readonly RiskPoint[];
}

type IncomeBasis = 'DECLARED_LAST_YEAR_INCOME' | 'WINDOW_COUNTED_INCOME';

function incomeBasis(facts: RigidExpenditureFacts): { basis: IncomeBasis; baseFen: number } {
  return facts.lastYearIncomeFen === undefined
    ? { basis: 'WINDOW_COUNTED_INCOME', baseFen: facts.windowCountedIncomeFen }
    : { basis: 'DECLARED_LAST_YEAR_INCOME', baseFen: facts.lastYearIncomeFen };
}

function expenditureReason(
  fired: boolean,
  rigidFen: number,
  baseFen: number,
  basis: IncomeBasis,
  ratio: number,
): string {
  const baseName =
    basis === 'DECLARED_LAST_YEAR_INCOME' ? '上年家庭收入' : '近12个月计入收入（未申报上年收入时的口径）';
  const verdict = fired ? '明显超过' : '未明显超过';
  return `区间内刚性支出${formatYuan(rigidFen)}${verdict}${baseName}${formatYuan(baseFen)}的${formatBasisPoints(ratio)}`;
}

/**
 * Qualification reason 2: rigid expenditure (illness, schooling, disaster, epidemic, accident) in the
 * window is greater than last year's income × the profile ratio ("clearly exceeds", default 100%), or a
 * collapse risk point is present (income collapse, lost main labourer / means of production / housing).
 * (reading) Without a declared last-year income, the counted income of the window (the 12 months
 * before identification, exempt income excluded, before deduction) stands in for it.
 */
export interface RigidExpenditureOutput {
  rigidExpenditureFen: number;
  expenditureExceeds: boolean;
  collapseRiskPoints: RiskPoint[];
}

export function rigidExpenditureRule(
  facts: RigidExpenditureFacts,
  profile: PolicyProfile,
): ComputedRule<RigidExpenditureOutput> {
  const rigid = facts.expensesInWindow.filter((entry) => profile.rigidExpenseTypes.includes(entry.type));
  const rigidFen = sumFen(rigid.map((entry) => entry.amountFen));
  const { basis, baseFen } = incomeBasis(facts);
  const ratio = profile.rigidExpenditureRatioBasisPoints;
  const expenditureExceeds = rigidFen > 0 && exceedsShare(rigidFen, baseFen, ratio);
  const collapse = facts.riskPoints.filter(
    (point, index) => profile.collapseRiskPoints.includes(point) && facts.riskPoints.indexOf(point) === index,
  );
  const reasons = [expenditureReason(expenditureExceeds, rigidFen, baseFen, basis, ratio)];
  if (collapse.length > 0) reasons.push(`存在${joinLabels(collapse, RISK_POINT_LABELS)}情形`);
  return {
    rule: 'RIGID_EXPENDITURE',
    fired: expenditureExceeds || collapse.length > 0,
    inputs: {
      rigidExpenseTypes: [...profile.rigidExpenseTypes],
      rigidExpenditureFen: rigidFen,
      incomeBasis: basis,
      incomeBasisFen: baseFen,
      ratioBasisPoints: ratio,
      riskPoints: [...facts.riskPoints],
    },
    output: { rigidExpenditureFen: rigidFen, expenditureExceeds, collapseRiskPoints: collapse },
    reason: `${reasons.join('；')}（刚性支出口径：${joinLabels(profile.rigidExpenseTypes, EXPENSE_TYPE_LABELS)}）`,
  };
}
