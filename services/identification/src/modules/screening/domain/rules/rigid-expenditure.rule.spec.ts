import type { ExpenseEntry } from '../household';
import { DEFAULT_POLICY_PROFILE_2021 as POLICY } from '../policy-profile';
import type { RiskPoint } from '../vocabulary';
import { rigidExpenditureRule, type RigidExpenditureFacts } from './rigid-expenditure.rule';

const YUAN = 100;
const expense = (type: ExpenseEntry['type'], yuan: number): ExpenseEntry => ({
  type,
  month: '2021-03',
  amountFen: yuan * YUAN,
});
const facts = (overrides: Partial<RigidExpenditureFacts>): RigidExpenditureFacts => ({
  expensesInWindow: [],
  windowCountedIncomeFen: 0,
  riskPoints: [],
  ...overrides,
});

describe('RIGID_EXPENDITURE: expenditure clearly above last year income, or a collapse', () => {
  it('fires when 30,000 yuan of medical and 15,000 yuan of schooling exceed last year 40,000 yuan', () => {
    const expensesInWindow = [expense('OUT_OF_POCKET_MEDICAL', 30_000), expense('EDUCATION', 15_000)];
    const result = rigidExpenditureRule(facts({ expensesInWindow, lastYearIncomeFen: 40_000 * YUAN }), POLICY);
    expect(result).toMatchObject({
      fired: true,
      output: { rigidExpenditureFen: 4_500_000, expenditureExceeds: true, collapseRiskPoints: [] },
    });
    expect(result.reason).toBe(
      '区间内刚性支出45000.00元明显超过上年家庭收入40000.00元的100%（刚性支出口径：个人自付医疗费用、教育支出、护理支出、灾害损失）',
    );
  });

  it('does not fire when the expenditure only equals last year income ("exceeds" is strict)', () => {
    const expensesInWindow = [expense('CARE', 40_000)];
    const result = rigidExpenditureRule(facts({ expensesInWindow, lastYearIncomeFen: 40_000 * YUAN }), POLICY);
    expect(result.fired).toBe(false);
    expect(result.reason).toContain('未明显超过');
  });

  it('does not count a production loss as rigid expenditure', () => {
    const expensesInWindow = [expense('PRODUCTION_LOSS', 50_000)];
    expect(rigidExpenditureRule(facts({ expensesInWindow, lastYearIncomeFen: 10_000 * YUAN }), POLICY).fired).toBe(
      false,
    );
  });

  it('falls back to the counted income of the window when last year income is not declared', () => {
    const expensesInWindow = [expense('DISASTER_LOSS', 20_001)];
    const result = rigidExpenditureRule(facts({ expensesInWindow, windowCountedIncomeFen: 20_000 * YUAN }), POLICY);
    expect(result).toMatchObject({
      fired: true,
      inputs: { incomeBasis: 'WINDOW_COUNTED_INCOME', incomeBasisFen: 2_000_000 },
    });
  });

  it('reads "clearly" from the profile: at 150%, 55,000 yuan against 40,000 does not fire, 60,000.01 does', () => {
    const strict = { ...POLICY, rigidExpenditureRatioBasisPoints: 15_000 };
    const base = { lastYearIncomeFen: 40_000 * YUAN };
    const at = (fen: number) =>
      rigidExpenditureRule(
        facts({ ...base, expensesInWindow: [{ type: 'EDUCATION', month: '2021-03', amountFen: fen }] }),
        strict,
      );
    expect(at(5_500_000).fired).toBe(false);
    expect(at(6_000_000).fired).toBe(false);
    expect(at(6_000_001).fired).toBe(true);
  });

  it.each<RiskPoint>(['INCOME_COLLAPSE', 'LOST_MAIN_LABOURER', 'LOST_MEANS_OF_PRODUCTION', 'LOST_HOUSING'])(
    'fires on %s alone, without any expenditure',
    (point) => {
      const result = rigidExpenditureRule(
        facts({ riskPoints: [point, point], windowCountedIncomeFen: 9_000_000 }),
        POLICY,
      );
      expect(result).toMatchObject({ fired: true, output: { expenditureExceeds: false, collapseRiskPoints: [point] } });
    },
  );

  it('does not fire on an exposure risk point such as illness without the expenditure', () => {
    expect(rigidExpenditureRule(facts({ riskPoints: ['ILLNESS'], windowCountedIncomeFen: 100 }), POLICY).fired).toBe(
      false,
    );
  });
});
