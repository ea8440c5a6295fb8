import type { ScreeningHousehold } from './household';
import type { PolicyProfile } from './policy-profile';
import type { RuleResult } from './rule-result';
import { categoryRule } from './rules/category.rule';
import { colourRule } from './rules/colour.rule';
import { childrenSupportExclusionRule } from './rules/exclusion.rule';
import { exemptIncomeRule, medicalDeductionRule, perCapitaIncomeRule } from './rules/income.rules';
import { incomeWindowRule } from './rules/income-window.rule';
import { belowLineRule, monitoringLineRule } from './rules/line.rules';
import { rigidExpenditureRule } from './rules/rigid-expenditure.rule';
import type { RiskColour, ScreeningCategory } from './vocabulary';

/**
 * What intake does with the household:
 * CASE         — it qualifies: a suspected case (疑似监测对象) with its workflow;
 * BLUE_WATCH   — it does not qualify but is BLUE: tracked by the village without the approval chain
 *                until it qualifies (then it is upgraded and the chain starts);
 * SCREENED_OUT — only recorded as screened (no condition, no risk signal, or excluded).
 * `flagged` is true for CASE and BLUE_WATCH.
 */
export type ScreeningDisposition = 'CASE' | 'BLUE_WATCH' | 'SCREENED_OUT';

export const DISPOSITION_LABELS: Record<ScreeningDisposition, string> = {
  CASE: '列为疑似监测对象，启动认定程序',
  BLUE_WATCH: '列入蓝色跟踪，由村跟踪观察，出现风险点时升级',
  SCREENED_OUT: '仅记录为已排查',
};

export interface ScreeningResult {
  qualifies: boolean;
  disposition: ScreeningDisposition;
  /** CASE or BLUE_WATCH: intake opens a suspected case / a watch entry instead of only recording it. */
  flagged: boolean;
  category?: ScreeningCategory;
  colour?: RiskColour;
  perCapitaIncomeFen: number;
  monitoringLineFen: number;
  /** Chinese sentences for the official: why (not) included, the category, the colour, what happens next. */
  reasons: string[];
  /** Every rule, fired or not, in evaluation order (`RULE_IDS`), with its inputs and output. */
  rules: RuleResult[];
  policyVersion: string;
}

/** Window → exemptions → medical deduction → per capita. */
function measureIncome(household: ScreeningHousehold, profile: PolicyProfile) {
  const window = incomeWindowRule(household.identificationMonth, household, profile);
  const exempt = exemptIncomeRule(window.incomes, profile);
  const medical = medicalDeductionRule(exempt.output.countedFen, window.expenses, profile);
  const perCapita = perCapitaIncomeRule(medical.output.netIncomeFen, household.members.length);
  return {
    rules: [window.result, exempt, medical, perCapita],
    expensesInWindow: window.expenses,
    countedFen: exempt.output.countedFen,
    perCapita: perCapita.output.perCapitaIncomeFen,
  };
}

type Verdicts = Record<'below' | 'rigid' | 'exclusion' | 'category' | 'colour', RuleResult>;

function summarise(qualifies: boolean, rules: Verdicts, disposition: ScreeningDisposition): string[] {
  const conditions = [rules.below, rules.rigid].filter((rule) => rule.fired).map((rule) => rule.reason);
  let reasons: string[];
  if (qualifies) reasons = [...conditions, rules.category.reason];
  else if (rules.exclusion.fired) reasons = [...conditions, rules.exclusion.reason];
  else reasons = [rules.below.reason, rules.rigid.reason, '不符合监测对象纳入条件'];
  if (rules.colour.fired) reasons.push(rules.colour.reason);
  reasons.push(DISPOSITION_LABELS[disposition]);
  return reasons;
}

function decide(qualifies: boolean, colour: RiskColour | undefined): ScreeningDisposition {
  if (qualifies) return 'CASE';
  return colour === 'BLUE' ? 'BLUE_WATCH' : 'SCREENED_OUT';
}

type Income = ReturnType<typeof measureIncome>;

/** Monitoring line → below the line → rigid expenditure / collapse → children-support exclusion. */
function qualify(household: ScreeningHousehold, profile: PolicyProfile, income: Income) {
  const line = monitoringLineRule(profile);
  const below = belowLineRule(income.perCapita, line.output.monitoringLineFen);
  const rigidFacts = {
    expensesInWindow: income.expensesInWindow,
    windowCountedIncomeFen: income.countedFen,
    lastYearIncomeFen: household.lastYearIncomeFen,
    riskPoints: household.riskPoints,
  };
  const rigid = rigidExpenditureRule(rigidFacts, profile);
  const exclusion = childrenSupportExclusionRule(household.childrenAbleToSupport);
  const qualifies = (below.fired || rigid.fired) && !exclusion.fired;
  return { line, below, rigid, exclusion, qualifies, excluded: exclusion.fired };
}

/**
 * Screens one household against one policy profile: a pure, deterministic function of its two inputs,
 * so it can be recomputed whenever a fact changes. The household is assumed valid (intake validates it:
 * at least one member, integer fen, `YYYY-MM` months, known vocabulary values).
 */
export function screenHousehold(household: ScreeningHousehold, profile: PolicyProfile): ScreeningResult {
  const income = measureIncome(household, profile);
  const { line, below, rigid, exclusion, qualifies, excluded } = qualify(household, profile, income);
  const { registeredPoor, riskPoints, guarantees } = household;
  const category = categoryRule({ registeredPoor, belowLine: below.fired, rigidExpenditure: rigid.fired, excluded });
  const facts = { riskPoints, guarantees, perCapitaIncomeFen: income.perCapita, qualifies, excluded };
  const colour = colourRule(facts, profile);
  const disposition = decide(qualifies, colour.output.colour);
  // Field by field in this order (category and colour only when set), without spreading the rules' outputs:
  // a campaign makes one of these a household.
  const result: Partial<ScreeningResult> = { qualifies, disposition, flagged: disposition !== 'SCREENED_OUT' };
  if (category.output.category !== undefined) result.category = category.output.category;
  if (colour.output.colour !== undefined) result.colour = colour.output.colour;
  result.perCapitaIncomeFen = income.perCapita;
  result.monitoringLineFen = line.output.monitoringLineFen;
  result.reasons = summarise(qualifies, { below, rigid, exclusion, category, colour }, disposition);
  result.rules = [...income.rules, line, below, rigid, exclusion, category, colour];
  result.policyVersion = profile.version;
  return result as ScreeningResult;
}
