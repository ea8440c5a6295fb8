/** Stable rule ids, in evaluation order (every screening result lists all of them). */
export const RULE_IDS = [
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
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * One rule's verdict, with the facts it looked at.
 * `fired` for a decision rule (BELOW_LINE, RIGID_EXPENDITURE, CHILDREN_SUPPORT_EXCLUSION, CATEGORY,
 * COLOUR) means its condition holds; for a computation rule it means the rule changed the figures
 * (EXEMPT_INCOME: something was exempted; MEDICAL_DEDUCTION: something was deducted). The window,
 * per-capita and line rules always apply and always fire.
 */
export interface RuleResult<TOutput = unknown> {
  rule: RuleId;
  fired: boolean;
  inputs: Record<string, unknown>;
  output?: TOutput;
  /** Chinese, readable by an official. */
  reason: string;
}

/** A rule whose output the next rules build on. */
export type ComputedRule<TOutput> = RuleResult<TOutput> & { output: TOutput };
