import { CATEGORY_LABELS } from '../labels';
import type { ComputedRule } from '../rule-result';
import type { ScreeningCategory } from '../vocabulary';

export interface CategoryFacts {
  registeredPoor: boolean;
  belowLine: boolean;
  rigidExpenditure: boolean;
  excluded: boolean;
}

function pickCategory(facts: CategoryFacts): ScreeningCategory | undefined {
  if (facts.excluded || !(facts.belowLine || facts.rigidExpenditure)) return undefined;
  if (facts.registeredPoor) return 'UNSTABLE';
  return facts.rigidExpenditure ? 'SUDDEN_HARDSHIP' : 'MARGINAL';
}

const WHY: Record<ScreeningCategory, string> = {
  UNSTABLE: '建档立卡户（档内）符合纳入条件',
  SUDDEN_HARDSHIP: '档外户，因刚性支出骤增或收入骤减符合纳入条件',
  MARGINAL: '档外户，因人均纯收入低于监测线符合纳入条件',
};

/**
 * Category precedence (reading): a registered-poor household that qualifies is UNSTABLE whatever the
 * reason; otherwise a rigid-expenditure / collapse reason makes it SUDDEN_HARDSHIP (the sudden cause is
 * the more specific one and decides the referrals), even when its income is also below the line;
 * otherwise low income makes it MARGINAL. Excluded or non-qualifying households get no category.
 */
export function categoryRule(facts: CategoryFacts): ComputedRule<{ category?: ScreeningCategory }> {
  const category = pickCategory(facts);
  return {
    rule: 'CATEGORY',
    fired: category !== undefined,
    inputs: { ...facts },
    output: category === undefined ? {} : { category },
    reason:
      category === undefined
        ? '不符合纳入条件，不划分监测对象类别'
        : `${WHY[category]}，认定为${CATEGORY_LABELS[category]}`,
  };
}
