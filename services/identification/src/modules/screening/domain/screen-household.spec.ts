import { DEFAULT_POLICY_PROFILE_2021 as POLICY, withDibaoStandardLine } from './policy-profile';
import type { RuleId } from './rule-result';
import { screenHousehold, type ScreeningResult } from './screen-household';
import { household, monthlyWages, yuan } from './test/households';

/** One wage entry of `amountYuan` inside the window of 2026-06. */
const wage = (amountYuan: number) => [{ type: 'WAGE' as const, month: '2025-09', amountFen: yuan(amountYuan) }];

const rule = (result: ScreeningResult, id: RuleId) => {
  const found = result.rules.find((r) => r.rule === id);
  if (!found) throw new Error(`rule ${id} missing`);
  return found;
};

/**
 * The worked example: four people identified in 2026-06 (window 2025-06-01 … 2026-05-31).
 * Wages 24,000 + production 4,000 counted; dividend 1,000 and basic pension 1,800 exempt; a wage of
 * 5,000 in 2025-05 lies outside the window; 3,000 out-of-pocket medical deducted.
 * Net 25,000 ÷ 4 = 6,250 yuan per capita < 6,500 line.
 */
const worked = () =>
  household({
    incomes: [
      ...monthlyWages(2_000),
      { type: 'PRODUCTION', month: '2025-10', amountFen: yuan(4_000) },
      { type: 'GUARANTEED_PROJECT_DIVIDEND', month: '2025-12', amountFen: yuan(1_000) },
      { type: 'BASIC_PENSION', month: '2026-01', amountFen: yuan(1_800) },
      { type: 'WAGE', month: '2025-05', amountFen: yuan(5_000) },
    ],
    expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: '2026-01', amountFen: yuan(3_000) }],
  });

describe('screenHousehold: the worked example of policy §2', () => {
  const result = screenHousehold(worked(), POLICY);

  it('counts only the window, leaves exempt income out, deducts medical costs and divides by four', () => {
    expect(rule(result, 'INCOME_WINDOW').output).toMatchObject({
      fromDate: '2025-06-01',
      toDate: '2026-05-31',
      ignoredIncomeEntries: 1,
    });
    expect(rule(result, 'EXEMPT_INCOME').output).toEqual({ countedFen: yuan(28_000), exemptFen: yuan(2_800) });
    expect(rule(result, 'MEDICAL_DEDUCTION').output).toMatchObject({
      deductedFen: yuan(3_000),
      netIncomeFen: yuan(25_000),
    });
    expect(result.perCapitaIncomeFen).toBe(yuan(6_250));
    expect(result.monitoringLineFen).toBe(yuan(6_500));
  });

  it('qualifies as a marginal household, YELLOW, and opens a case', () => {
    expect(result).toMatchObject({ qualifies: true, category: 'MARGINAL', colour: 'YELLOW', disposition: 'CASE' });
    expect(result.policyVersion).toBe(POLICY.version);
  });

  it('explains itself in Chinese with every rule listed in order', () => {
    expect(result.rules.map((r) => r.rule)).toEqual([
      'INCOME_WINDOW',
      'EXEMPT_INCOME',
      'MEDICAL_DEDUCTION',
      'PER_CAPITA_INCOME',
      'MONITORING_LINE',
      'BELOW_LINE',
      'RIGID_EXPENDITURE',
      'CHILDREN_SUPPORT_EXCLUSION',
      'CATEGORY',
      'COLOUR',
    ]);
    expect(result.reasons[0]).toBe('人均纯收入6250.00元低于监测线6500.00元');
    expect(result.reasons).toContain('档外户，因人均纯收入低于监测线符合纳入条件，认定为边缘易致贫户');
  });
});

describe('screenHousehold: qualification, exclusion and category', () => {
  it('does not qualify exactly at the line: "below" is strict', () => {
    const result = screenHousehold(household({ incomes: wage(26_000) }), POLICY);
    expect(result.perCapitaIncomeFen).toBe(yuan(6_500));
    expect(result).toMatchObject({ qualifies: false, disposition: 'SCREENED_OUT' });
    expect(rule(result, 'BELOW_LINE').fired).toBe(false);
  });

  it('uses the dibao standard × 12 as the line where the region says so (Dongtai)', () => {
    const dongtai = withDibaoStandardLine(POLICY, yuan(600), 'DONGTAI-2026.1');
    const facts = household({ incomes: wage(28_000) }); // 28,000 ÷ 4 = 7,000 per capita
    expect(screenHousehold(facts, POLICY).qualifies).toBe(false);
    const result = screenHousehold(facts, dongtai);
    expect(result).toMatchObject({ qualifies: true, monitoringLineFen: yuan(7_200), policyVersion: 'DONGTAI-2026.1' });
  });

  it('classifies a registered-poor household below the line as UNSTABLE', () => {
    const result = screenHousehold(household({ registeredPoor: true, incomes: monthlyWages(1_500) }), POLICY);
    expect(result).toMatchObject({ qualifies: true, category: 'UNSTABLE' });
  });

  it('qualifies a household whose medical bills exceed last year income as SUDDEN_HARDSHIP', () => {
    const facts = household({
      lastYearIncomeFen: yuan(40_000),
      incomes: wage(40_000),
      expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: '2026-02', amountFen: yuan(45_000) }],
      riskPoints: ['ILLNESS'],
    });
    const result = screenHousehold(facts, POLICY);
    expect(result).toMatchObject({ qualifies: true, category: 'SUDDEN_HARDSHIP' });
    expect(rule(result, 'RIGID_EXPENDITURE')).toMatchObject({ fired: true, output: { expenditureExceeds: true } });
    expect(rule(result, 'MEDICAL_DEDUCTION').output).toMatchObject({ deductedFen: yuan(40_000), netIncomeFen: 0 });
  });

  it('does not count rigid expenditure that stays within last year income', () => {
    const facts = household({
      lastYearIncomeFen: yuan(60_000),
      expenses: [{ type: 'EDUCATION', month: '2026-02', amountFen: yuan(60_000) }],
    });
    expect(rule(screenHousehold(facts, POLICY), 'RIGID_EXPENDITURE').fired).toBe(false);
  });

  it('qualifies on the loss of the main labourer even with a good income', () => {
    const result = screenHousehold(household({ riskPoints: ['LOST_MAIN_LABOURER'] }), POLICY);
    expect(result).toMatchObject({ qualifies: true, category: 'SUDDEN_HARDSHIP' });
  });

  it('excludes a household whose children can support it, and says so', () => {
    const result = screenHousehold(household({ incomes: monthlyWages(1_000), childrenAbleToSupport: true }), POLICY);
    expect(result).toMatchObject({ qualifies: false, disposition: 'SCREENED_OUT' });
    expect(result.category).toBeUndefined();
    expect(result.reasons).toContain('子女有充足赡养能力，不纳入监测对象');
  });
});

describe('screenHousehold: three colours', () => {
  it('is RED with two risk points at once', () => {
    const result = screenHousehold(household({ riskPoints: ['ILLNESS', 'LOST_MAIN_LABOURER'] }), POLICY);
    expect(result.colour).toBe('RED');
  });

  it('is YELLOW when a guarantee is unmet even with a good income', () => {
    const facts = household();
    const result = screenHousehold({ ...facts, guarantees: { ...facts.guarantees, safeHousing: false } }, POLICY);
    expect(result.colour).toBe('YELLOW');
    expect(rule(result, 'COLOUR').reason).toContain('住房安全有保障');
  });

  it('is BLUE and watched without a case when only exposed to a large expenditure', () => {
    const result = screenHousehold(household({ riskPoints: ['SCHOOLING'] }), POLICY);
    expect(result).toMatchObject({ qualifies: false, colour: 'BLUE', disposition: 'BLUE_WATCH' });
  });

  it('has no colour and is only recorded when nothing is wrong', () => {
    const result = screenHousehold(household(), POLICY);
    expect(result).toMatchObject({ qualifies: false, disposition: 'SCREENED_OUT' });
    expect(result.colour).toBeUndefined();
  });
});
