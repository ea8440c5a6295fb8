import type { ExpenseEntry, IncomeEntry } from '../household';
import { DEFAULT_POLICY_PROFILE_2021 as POLICY } from '../policy-profile';
import { exemptIncomeRule, medicalDeductionRule, perCapitaIncomeRule } from './income.rules';

const YUAN = 100;
const income = (type: IncomeEntry['type'], yuan: number): IncomeEntry => ({
  type,
  month: '2021-01',
  amountFen: yuan * YUAN,
});
const expense = (type: ExpenseEntry['type'], yuan: number): ExpenseEntry => ({
  type,
  month: '2021-01',
  amountFen: yuan * YUAN,
});

describe('EXEMPT_INCOME: guaranteed project dividends and the basic pension are not counted', () => {
  it('counts 28,000 yuan of wages and production, leaves 4,000 yuan of dividend and pension out', () => {
    const incomes = [
      income('WAGE', 24_000),
      income('PRODUCTION', 4_000),
      income('GUARANTEED_PROJECT_DIVIDEND', 2_500),
      income('BASIC_PENSION', 1_500),
    ];
    const result = exemptIncomeRule(incomes, POLICY);
    expect(result).toMatchObject({ fired: true, output: { countedFen: 2_800_000, exemptFen: 400_000 } });
    expect(result.reason).toBe('扶贫项目保底收益、基础养老金不计入收入：豁免4000.00元，计入收入28000.00元');
  });

  it('does not fire when nothing is exempt, and follows the profile list', () => {
    expect(exemptIncomeRule([income('WAGE', 10_000)], POLICY).fired).toBe(false);
    const pensionCounted = { ...POLICY, exemptIncomeTypes: ['GUARANTEED_PROJECT_DIVIDEND'] as const };
    const result = exemptIncomeRule([income('BASIC_PENSION', 1_500)], pensionCounted);
    expect(result.output).toEqual({ countedFen: 150_000, exemptFen: 0 });
  });
});

describe('MEDICAL_DEDUCTION: out-of-pocket medical costs come off the household income', () => {
  it('deducts 3,000 yuan of medical costs from 28,000 yuan, leaving 25,000 yuan; education is not deducted', () => {
    const expenses = [
      expense('OUT_OF_POCKET_MEDICAL', 1_200),
      expense('OUT_OF_POCKET_MEDICAL', 1_800),
      expense('EDUCATION', 5_000),
    ];
    const result = medicalDeductionRule(2_800_000, expenses, POLICY);
    expect(result).toMatchObject({
      fired: true,
      output: { deductibleFen: 300_000, deductedFen: 300_000, netIncomeFen: 2_500_000 },
    });
    expect(result.reason).toBe('核减个人自付医疗费用3000.00元，家庭纯收入25000.00元');
  });

  it('never makes the net income negative: 45,000 yuan of bills against 40,000 yuan leaves 0', () => {
    const result = medicalDeductionRule(4_000_000, [expense('OUT_OF_POCKET_MEDICAL', 45_000)], POLICY);
    expect(result.output).toEqual({ deductibleFen: 4_500_000, deductedFen: 4_000_000, netIncomeFen: 0 });
    expect(result.reason).toContain('超过收入部分不再核减');
  });
});

describe('PER_CAPITA_INCOME: net income divided by every listed member, in fen rounded down', () => {
  it('divides 25,000 yuan by 4 people: 6,250 yuan', () => {
    const result = perCapitaIncomeRule(2_500_000, 4);
    expect(result.output).toEqual({ perCapitaIncomeFen: 625_000, rounding: 'FLOOR' });
    expect(result.reason).toBe('家庭纯收入25000.00元 ÷ 4人 = 人均纯收入6250.00元（按分向下取整）');
  });

  it('rounds 20,000 yuan for 3 people down to 6,666.66 yuan', () => {
    expect(perCapitaIncomeRule(2_000_000, 3).output.perCapitaIncomeFen).toBe(666_666);
  });

  it('refuses a household without members rather than dividing by zero', () => {
    expect(() => perCapitaIncomeRule(100, 0)).toThrow(RangeError);
  });
});
