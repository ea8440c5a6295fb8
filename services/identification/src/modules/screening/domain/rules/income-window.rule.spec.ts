import { DEFAULT_POLICY_PROFILE_2021 as POLICY } from '../policy-profile';
import { cachedIncomeWindow, incomeWindow, incomeWindowRule } from './income-window.rule';

const entry = (month: string) => ({ month, amountFen: 100 });

describe('INCOME_WINDOW: the 12 months before the identification month', () => {
  it('for an identification in 2021-06 runs from 2020-06-01 to 2021-05-31', () => {
    expect(incomeWindow('2021-06')).toMatchObject({
      firstMonth: '2020-06',
      lastMonth: '2021-05',
      fromDate: '2020-06-01',
      toDate: '2021-05-31',
    });
    expect(incomeWindow('2021-06').months).toEqual([
      ...['2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12'],
      ...['2021-01', '2021-02', '2021-03', '2021-04', '2021-05'],
    ]);
  });

  it('for a January identification is the previous calendar year, and a March one ends on 29 February', () => {
    expect(incomeWindow('2026-01')).toMatchObject({ fromDate: '2025-01-01', toDate: '2025-12-31' });
    expect(incomeWindow('2024-03')).toMatchObject({ fromDate: '2023-03-01', toDate: '2024-02-29' });
  });

  it('keeps the first and last months, ignores the month before and the identification month itself', () => {
    const all = {
      incomes: [entry('2020-05'), entry('2020-06'), entry('2021-05'), entry('2021-06')],
      expenses: [entry('2019-12'), entry('2021-01')],
    };
    const { result, incomes, expenses } = incomeWindowRule('2021-06', all, POLICY);
    expect(incomes.map((e) => e.month)).toEqual(['2020-06', '2021-05']);
    expect(expenses.map((e) => e.month)).toEqual(['2021-01']);
    expect(result).toMatchObject({ fired: true, output: { ignoredIncomeEntries: 2, ignoredExpenseEntries: 1 } });
    expect(result.reason).toBe(
      '认定月份2021-06，收支计算区间为2020-06-01至2021-05-31（共12个月）；区间外收入2笔、支出1笔不计入',
    );
  });

  it('reads the window length from the profile (a region counting 6 months)', () => {
    const sixMonths = { ...POLICY, incomeWindowMonths: 6 };
    const { result, incomes } = incomeWindowRule(
      '2021-06',
      { incomes: [entry('2020-12'), entry('2021-01')], expenses: [] },
      sixMonths,
    );
    expect(result.output).toMatchObject({ fromDate: '2020-12-01', toDate: '2021-05-31' });
    expect(incomes).toHaveLength(2);
    expect(cachedIncomeWindow('2021-06', 6).firstMonth).toBe('2020-12');
    expect(cachedIncomeWindow('2021-06', 12).firstMonth).toBe('2020-06');
  });
});
