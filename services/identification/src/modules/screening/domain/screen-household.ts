import type { ScreeningHousehold } from './household';
import type { PolicyProfile } from './policy-profile';
import type { RuleResult } from './rule-result';
import { categoryRule } from './rules/category.rule';
import { colourRule } from './rules/colour.rule';
import { childrenSupportExclusionRule } from './rules/exclusion.rule';
import { exemptIncomeRule, medicalDeductionRule, perCapitaIncomeRule } from './rules/income.rules';
import { incomeWindowRule, withinWindow } from './rules/income-window.rule';
import { belowLineRule, monitoringLineRule } from './rules/line.rules';
import { rigidExpenditureRule } from './rules/rigid-expenditure.rule';
import type { RiskColour, ScreeningCategory } from './vocabulary';

/**
 * What intake does with the household: CASE opens a suspected case with its workflow; BLUE_WATCH is
 * tracked by the village without the approval chain until a risk point appears; SCREENED_OUT is only
 * recorded as screened. (reading) A non-qualifying household is watched only when it is BLUE; RED or
 * YELLOW without meeting a qualification condition is recorded as screened, its colour kept for review.
 */
export type ScreeningDisposition = 'CASE' | 'BLUE_WATCH' | 'SCREENED_OUT';

export interface ScreeningResult {
  qualifies: boolean;
  disposition: ScreeningDisposition;
  category?: ScreeningCategory;
  colour?: RiskColour;
  perCapitaIncomeFen: number;
  monitoringLineFen: number;
  /** Chinese sentences for the official: why (not) included, the category, the colour. */
  reasons: string[];
  /** Every rule, fired or not, in evaluation order, with its inputs. */
  rules: RuleResult[];
  policyVersion: string;
}

/** Window → exemptions → medical deduction → per capita. */
function measureIncome(household: ScreeningHousehold, profile: PolicyProfile) {
  const window = incomeWindowRule(household, profile);
  const expensesInWindow = withinWindow(window.output, household.expenses);
  const exempt = exemptIncomeRule(withinWindow(window.output, household.incomes), profile);
  const medical = medicalDeductionRule(exempt.output.countedFen, expensesInWindow, profile);
  const perCapita = perCapitaIncomeRule(medical.output.netIncomeFen, household.members.length);
  return {
    rules: [window, exempt, medical, perCapita],
    expensesInWindow,
    countedFen: exempt.output.countedFen,
    perCapita: perCapita.output.perCapitaIncomeFen,
  };
}

function summarise(
  qualifies: boolean,
  rules: Record<'below' | 'rigid' | 'exclusion' | 'category' | 'colour', RuleResult>,
): string[] {
  const conditions = [rules.below, rules.rigid].filter((rule) => rule.fired).map((rule) => rule.reason);
  const reasons = qualifies ? [...conditions, rules.category.reason] : [];
  if (!qualifies && rules.exclusion.fired) reasons.push(...conditions, rules.exclusion.reason);
  if (!qualifies && !rules.exclusion.fired)
    reasons.push(rules.below.reason, rules.rigid.reason, '不符合监测对象纳入条件');
  if (rules.colour.fired) reasons.push(rules.colour.reason);
  return reasons;
}

/**
 * Screens one household against one policy profile: a pure, deterministic function of its two inputs,
 * so it can be recomputed whenever a fact changes. The household is assumed valid (see
 * `parseScreeningHousehold`); in particular it has at least one member.
 */
export function screenHousehold(household: ScreeningHousehold, profile: PolicyProfile): ScreeningResult {
  const income = measureIncome(household, profile);
  const line = monitoringLineRule(profile);
  const monitoringLineFen = line.output.monitoringLineFen;
  const below = belowLineRule(income.perCapita, monitoringLineFen);
  const rigidFacts = {
    expensesInWindow: income.expensesInWindow,
    windowCountedIncomeFen: income.countedFen,
    riskPoints: household.riskPoints,
  };
  const rigid = rigidExpenditureRule({ ...rigidFacts, lastYearIncomeFen: household.lastYearIncomeFen }, profile);
  const exclusion = childrenSupportExclusionRule(household.childrenAbleToSupport);
  const facts = {
    registeredPoor: household.registeredPoor,
    belowLine: below.fired,
    rigidExpenditure: rigid.fired,
    excluded: exclusion.fired,
  };
  const category = categoryRule(facts);
  const colourFacts = {
    riskPoints: household.riskPoints,
    guarantees: household.guarantees,
    perCapitaIncomeFen: income.perCapita,
  };
  const colour = colourRule({ ...colourFacts, meetsQualificationCondition: below.fired || rigid.fired }, profile);
  const qualifies = (below.fired || rigid.fired) && !exclusion.fired;
  return {
    qualifies,
    disposition: qualifies
      ? 'CASE'
      : colour.output.colour === 'BLUE' && !exclusion.fired
        ? 'BLUE_WATCH'
        : 'SCREENED_OUT',
    ...category.output,
    ...colour.output,
    perCapitaIncomeFen: income.perCapita,
    monitoringLineFen,
    reasons: summarise(qualifies, { below, rigid, exclusion, category, colour }),
    rules: [...income.rules, line, below, rigid, exclusion, category, colour],
    policyVersion: profile.version,
  };
}
