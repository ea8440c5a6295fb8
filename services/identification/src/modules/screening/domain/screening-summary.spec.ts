import { DEFAULT_POLICY_PROFILE_2021 as POLICY } from './policy-profile';
import { screenHousehold } from './screen-household';
import {
  explainSummary,
  INCONSISTENT_DERIVATION_NOTE,
  isFullResult,
  summarizeScreening,
  type ScreeningSummary,
} from './screening-summary';
import { household, monthlyWages, yuan } from './test/households';

/** 4,500 yuan per capita in 2026-06: below the 6,500 line, a MARGINAL, YELLOW case. */
const facts = household({ incomes: monthlyWages(1_500) });
const full = screenHousehold(facts, POLICY);
/** What the row holds after a round trip through jsonb. */
const stored = (): ScreeningSummary => JSON.parse(JSON.stringify(summarizeScreening(full)));

describe('screening summary: the verdict a case row stores, and its rules re-derived on read', () => {
  it('keeps the verdict and reasons, drops the per-rule detail, and names the fired rules in order', () => {
    const summary = summarizeScreening(full);
    expect(summary).not.toHaveProperty('rules');
    expect(summary).toMatchObject({
      disposition: 'CASE',
      category: 'MARGINAL',
      colour: 'YELLOW',
      reasons: full.reasons,
    });
    expect(summary.firedRules).toEqual([
      'INCOME_WINDOW',
      'PER_CAPITA_INCOME',
      'MONITORING_LINE',
      'BELOW_LINE',
      'CATEGORY',
      'COLOUR',
    ]);
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it('stores every verdict field of the result, in its order, whatever the outcome', () => {
    const outcomes = [
      full, // CASE, MARGINAL, YELLOW
      screenHousehold(household({ incomes: monthlyWages(2_500) }), POLICY), // above the line
      screenHousehold(household({ incomes: [{ type: 'WAGE', month: '2025-09', amountFen: yuan(26_000) }] }), POLICY),
      screenHousehold(household({ registeredPoor: true, incomes: monthlyWages(1_000) }), POLICY),
      screenHousehold(household({ childrenAbleToSupport: true, incomes: monthlyWages(1_000) }), POLICY),
    ];
    expect(new Set(outcomes.map((o) => o.disposition))).toEqual(new Set(['CASE', 'BLUE_WATCH', 'SCREENED_OUT']));
    for (const result of outcomes) {
      const { rules, ...verdict } = result;
      const firedRules = rules.filter((rule) => rule.fired).map((rule) => rule.rule);
      expect(JSON.stringify(summarizeScreening(result))).toBe(JSON.stringify({ ...verdict, firedRules }));
    }
  });

  it('rebuilds exactly the intake result when the same facts and policy give the same verdict', () => {
    const explained = explainSummary(stored(), screenHousehold(facts, POLICY));
    expect(explained).toEqual({ ...full, explanation: { derived: true, consistent: true } });
  });

  it('keeps the recorded verdict when the recomputation reaches another one, and says so in Chinese', () => {
    const changedEngine = { ...POLICY, monitoringLine: { kind: 'AMOUNT' as const, fenPerCapitaYear: yuan(4_000) } };
    const recomputed = screenHousehold(facts, changedEngine);
    expect(recomputed.disposition).not.toBe('CASE');
    const explained = explainSummary(stored(), recomputed);
    expect(explained).toMatchObject({
      disposition: 'CASE',
      qualifies: true,
      category: 'MARGINAL',
      monitoringLineFen: yuan(6_500),
      reasons: full.reasons,
      explanation: { derived: true, consistent: false, note: INCONSISTENT_DERIVATION_NOTE },
    });
    expect(explained.rules).toEqual(recomputed.rules);
    expect(explained).not.toHaveProperty('firedRules');
  });

  it('counts a different set of fired rules as inconsistent even when the headline verdict matches', () => {
    const recorded = { ...stored(), firedRules: stored().firedRules.filter((rule) => rule !== 'BELOW_LINE') };
    expect(explainSummary(recorded, full).explanation).toMatchObject({ consistent: false });
  });

  it('tells a full result of an older row from a summary', () => {
    expect(isFullResult(JSON.parse(JSON.stringify(full)))).toBe(true);
    expect(isFullResult(stored())).toBe(false);
  });
});
