import { DEFAULT_POLICY_PROFILE_2021 as POLICY, withDibaoStandardLine } from './policy-profile';
import type { RuleId } from './rule-result';
import { screenHousehold, type ScreeningResult } from './screen-household';
import { household, monthlyWages, yuan } from './test/households';

const rule = (result: ScreeningResult, id: RuleId) => {
  const found = result.rules.find((r) => r.rule === id);
  if (!found) throw new Error(`rule ${id} missing`);
  return found;
};

/** One wage entry of `amountYuan` inside the window of 2026-06. */
const wage = (amountYuan: number) => [{ type: 'WAGE' as const, month: '2025-09', amountFen: yuan(amountYuan) }];

describe('screenHousehold: qualification, exclusion and disposition', () => {
  it('does not qualify exactly at the line ("below" is strict) but watches the household as BLUE', () => {
    const result = screenHousehold(household({ incomes: wage(26_000) }), POLICY);
    expect(result).toMatchObject({ perCapitaIncomeFen: yuan(6_500), qualifies: false, colour: 'BLUE' });
    expect(result).toMatchObject({ disposition: 'BLUE_WATCH', flagged: true });
    expect(result.reasons).toContain('不符合监测对象纳入条件');
  });

  it('qualifies at 7,000 yuan per capita under a dibao line of 600 yuan a month (7,200), not under 6,500', () => {
    const facts = household({ incomes: wage(28_000) });
    expect(screenHousehold(facts, POLICY)).toMatchObject({
      qualifies: false,
      disposition: 'SCREENED_OUT',
      flagged: false,
    });
    const dongtai = withDibaoStandardLine(POLICY, yuan(600), 'DONGTAI-2021.1');
    const result = screenHousehold(facts, dongtai);
    expect(result).toMatchObject({ qualifies: true, monitoringLineFen: yuan(7_200), policyVersion: 'DONGTAI-2021.1' });
    expect(result.reasons[0]).toBe('人均纯收入7000.00元低于监测线7200.00元');
  });

  it('classifies a registered-poor household below the line as UNSTABLE', () => {
    const result = screenHousehold(household({ registeredPoor: true, incomes: monthlyWages(1_500) }), POLICY);
    expect(result).toMatchObject({ qualifies: true, category: 'UNSTABLE', perCapitaIncomeFen: yuan(4_500) });
  });

  it('makes a household with 45,000 yuan of medical bills against 40,000 last year SUDDEN_HARDSHIP and RED', () => {
    const facts = household({
      lastYearIncomeFen: yuan(40_000),
      incomes: wage(40_000),
      expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: '2026-02', amountFen: yuan(45_000) }],
      riskPoints: ['ILLNESS', 'LOST_MAIN_LABOURER'],
    });
    const result = screenHousehold(facts, POLICY);
    expect(result).toMatchObject({
      qualifies: true,
      category: 'SUDDEN_HARDSHIP',
      colour: 'RED',
      perCapitaIncomeFen: 0,
    });
    expect(result.reasons).toContain('同时存在2个风险点（因病、主要劳动力丧失），达到2个，标记为红色');
  });

  it('qualifies on the loss of the main labourer even with a good income', () => {
    const result = screenHousehold(household({ riskPoints: ['LOST_MAIN_LABOURER'] }), POLICY);
    expect(result).toMatchObject({ qualifies: true, category: 'SUDDEN_HARDSHIP', colour: 'YELLOW' });
  });

  it('excludes a household whose children can support it, though it is far below the line, and says so', () => {
    const facts = household({ incomes: monthlyWages(1_000), childrenAbleToSupport: true, riskPoints: ['ILLNESS'] });
    const result = screenHousehold(facts, POLICY);
    expect(result).toMatchObject({ qualifies: false, disposition: 'SCREENED_OUT', flagged: false });
    expect(result.category).toBeUndefined();
    expect(result.colour).toBeUndefined();
    expect(rule(result, 'BELOW_LINE').fired).toBe(true);
    expect(rule(result, 'CHILDREN_SUPPORT_EXCLUSION').fired).toBe(true);
    expect(result.reasons).toEqual([
      '人均纯收入3000.00元低于监测线6500.00元',
      '子女有充足赡养能力，不纳入监测对象',
      '仅记录为已排查',
    ]);
  });

  it('watches a household only exposed to schooling costs as BLUE, without a case', () => {
    const result = screenHousehold(household({ riskPoints: ['SCHOOLING'] }), POLICY);
    expect(result).toMatchObject({ qualifies: false, colour: 'BLUE', disposition: 'BLUE_WATCH', flagged: true });
    expect(result.reasons.at(-1)).toBe('列入蓝色跟踪，由村跟踪观察，出现风险点时升级');
  });

  it('only records a household with 15,000 yuan per capita, no gap and no risk', () => {
    const result = screenHousehold(household(), POLICY);
    expect(result).toMatchObject({ qualifies: false, disposition: 'SCREENED_OUT', flagged: false });
    expect(result.colour).toBeUndefined();
    expect(result.reasons).toEqual([
      '人均纯收入15000.00元不低于监测线6500.00元',
      expect.stringContaining('未明显超过'),
      '不符合监测对象纳入条件',
      '仅记录为已排查',
    ]);
  });
});
