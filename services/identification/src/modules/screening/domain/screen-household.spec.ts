import type { ScreeningHousehold } from './household';
import { DEFAULT_POLICY_PROFILE_2021 as POLICY } from './policy-profile';
import { RULE_IDS } from './rule-result';
import { screenHousehold } from './screen-household';
import { household, monthlyWages, yuan } from './test/households';

/**
 * The worked example, identified in 2021-06 (window 2020-06-01 … 2021-05-31), four people:
 * wages 2,000 × 12 + production 4,000 = 28,000 counted; dividend 2,500 + basic pension 1,500 = 4,000
 * exempt; 3,000 out-of-pocket medical deducted; a 5,000 wage of 2020-05 and a 9,000 wage of 2021-06 lie
 * outside the window. Net 25,000 ÷ 4 = 6,250 yuan per capita < 6,500 → MARGINAL.
 */
const worked = (): ScreeningHousehold => ({
  ...household(),
  identificationMonth: '2021-06',
  incomes: [
    ...monthlyWages(2_000, '2020-06'),
    { type: 'PRODUCTION', month: '2020-10', amountFen: yuan(4_000) },
    { type: 'GUARANTEED_PROJECT_DIVIDEND', month: '2020-12', amountFen: yuan(2_500) },
    { type: 'BASIC_PENSION', month: '2021-01', amountFen: yuan(1_500) },
    { type: 'WAGE', month: '2020-05', amountFen: yuan(5_000) },
    { type: 'WAGE', month: '2021-06', amountFen: yuan(9_000) },
  ],
  expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: '2021-02', amountFen: yuan(3_000) }],
  riskPoints: ['ILLNESS'],
});

describe('screenHousehold: what a clerk sees for the worked example of policy §2', () => {
  const result = screenHousehold(worked(), POLICY);

  it('qualifies as MARGINAL, YELLOW, and opens a case with the policy version', () => {
    expect(result).toMatchObject({
      qualifies: true,
      disposition: 'CASE',
      flagged: true,
      category: 'MARGINAL',
      colour: 'YELLOW',
      perCapitaIncomeFen: yuan(6_250),
      monitoringLineFen: yuan(6_500),
      policyVersion: 'DEFAULT-2021.1',
    });
  });

  it('gives the reasons in Chinese, from the condition to what happens next', () => {
    expect(result.reasons).toEqual([
      '人均纯收入6250.00元低于监测线6500.00元',
      '档外户，因人均纯收入低于监测线符合纳入条件，认定为边缘易致贫户',
      '预计人均纯收入6250.00元不高于6500.00元；符合监测对象纳入条件，标记为黄色',
      '列为疑似监测对象，启动认定程序',
    ]);
  });

  it('lists every rule in order, fired or not, with its explanation', () => {
    expect(result.rules.map((r) => r.rule)).toEqual([...RULE_IDS]);
    expect(result.rules.map((r) => [r.rule, r.fired])).toEqual([
      ['INCOME_WINDOW', true],
      ['EXEMPT_INCOME', true],
      ['MEDICAL_DEDUCTION', true],
      ['PER_CAPITA_INCOME', true],
      ['MONITORING_LINE', true],
      ['BELOW_LINE', true],
      ['RIGID_EXPENDITURE', false],
      ['CHILDREN_SUPPORT_EXCLUSION', false],
      ['CATEGORY', true],
      ['COLOUR', true],
    ]);
    expect(result.rules.map((r) => r.reason)).toEqual([
      '认定月份2021-06，收支计算区间为2020-06-01至2021-05-31（共12个月）；区间外收入2笔、支出0笔不计入',
      '扶贫项目保底收益、基础养老金不计入收入：豁免4000.00元，计入收入28000.00元',
      '核减个人自付医疗费用3000.00元，家庭纯收入25000.00元',
      '家庭纯收入25000.00元 ÷ 4人 = 人均纯收入6250.00元（按分向下取整）',
      '按000000000000地区2021年度监测线，监测线为人均6500.00元/年',
      '人均纯收入6250.00元低于监测线6500.00元',
      '区间内刚性支出3000.00元未明显超过近12个月计入收入（未申报上年收入时的口径）28000.00元的100%（刚性支出口径：个人自付医疗费用、教育支出、护理支出、灾害损失）',
      '不存在子女赡养能力充足的排除情形',
      '档外户，因人均纯收入低于监测线符合纳入条件，认定为边缘易致贫户',
      '预计人均纯收入6250.00元不高于6500.00元；符合监测对象纳入条件，标记为黄色',
    ]);
  });

  it('is a plain JSON value that survives storage unchanged', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
