import type { ComputedRule } from '../rule-result';

/** 子女赡养能力充足: excluded from monitoring whatever the income or expenditure says. */
export function childrenSupportExclusionRule(childrenAbleToSupport: boolean): ComputedRule<{ excluded: boolean }> {
  return {
    rule: 'CHILDREN_SUPPORT_EXCLUSION',
    fired: childrenAbleToSupport,
    inputs: { childrenAbleToSupport },
    output: { excluded: childrenAbleToSupport },
    reason: childrenAbleToSupport ? '子女有充足赡养能力，不纳入监测对象' : '不存在子女赡养能力充足的排除情形',
  };
}
