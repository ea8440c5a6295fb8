import { categoryRule, type CategoryFacts } from './category.rule';

const facts = (overrides: Partial<CategoryFacts>): CategoryFacts => ({
  registeredPoor: false,
  belowLine: false,
  rigidExpenditure: false,
  excluded: false,
  ...overrides,
});

describe('CATEGORY: UNSTABLE, MARGINAL or SUDDEN_HARDSHIP', () => {
  it.each([
    ['registered poor, below the line', { registeredPoor: true, belowLine: true }, 'UNSTABLE'],
    ['registered poor, rigid expenditure', { registeredPoor: true, rigidExpenditure: true }, 'UNSTABLE'],
    ['not registered, below the line', { belowLine: true }, 'MARGINAL'],
    ['not registered, rigid expenditure', { rigidExpenditure: true }, 'SUDDEN_HARDSHIP'],
    ['not registered, both', { belowLine: true, rigidExpenditure: true }, 'SUDDEN_HARDSHIP'],
  ])('%s → %s', (_label, overrides, category) => {
    expect(categoryRule(facts(overrides))).toMatchObject({ fired: true, output: { category } });
  });

  it('names the category in Chinese', () => {
    expect(categoryRule(facts({ belowLine: true })).reason).toBe(
      '档外户，因人均纯收入低于监测线符合纳入条件，认定为边缘易致贫户',
    );
    expect(categoryRule(facts({ registeredPoor: true, belowLine: true })).reason).toBe(
      '建档立卡户（档内）符合纳入条件，认定为脱贫不稳定户',
    );
  });

  it('gives no category to an excluded or non-qualifying household', () => {
    expect(categoryRule(facts({ belowLine: true, excluded: true }))).toMatchObject({ fired: false, output: {} });
    expect(categoryRule(facts({ registeredPoor: true }))).toMatchObject({ fired: false, output: {} });
  });
});
