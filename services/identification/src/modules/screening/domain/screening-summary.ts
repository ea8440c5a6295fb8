import type { RuleId } from './rule-result';
import type { ScreeningResult } from './screen-household';

/**
 * What a case row stores of its screening: the verdict without the per-rule detail (inputs, outputs and
 * reasons of every rule, ~3 KB), plus the ids of the rules that fired, in evaluation order. The detail is
 * re-derived on read from the stored facts and the pinned policy version.
 */
export type ScreeningSummary = Omit<ScreeningResult, 'rules'> & { firedRules: RuleId[] };

/** How the rule-by-rule detail of a response was obtained, when it was not stored with the case. */
export interface ScreeningExplanation {
  /** The rules were recomputed from the stored facts with the policy version the case names. */
  derived: true;
  /** The recomputed verdict equals the recorded one. When false, the recorded verdict stands. */
  consistent: boolean;
  /** Chinese, for the official, when not consistent. */
  note?: string;
}

export type ExplainedScreening = ScreeningResult & { explanation?: ScreeningExplanation };

export const INCONSISTENT_DERIVATION_NOTE =
  '以下规则明细系按当前筛查规则重新推导，与登记时记录的结论不一致；以登记时记录的结论为准。';

/** Verdict fields a recomputation must reproduce for its rules to explain the recorded conclusion. */
const VERDICT_FIELDS = [
  'disposition',
  'category',
  'colour',
  'perCapitaIncomeFen',
  'monitoringLineFen',
  'policyVersion',
] as const satisfies readonly (keyof ScreeningSummary)[];

/**
 * Built field by field, in the result's order (the row's JSON reads the same as before): a rest pattern
 * (`{ rules, ...verdict }`) leaves V8 an object of no fixed shape, which took ten times as long to make and half as
 * long again to serialize, once per household of a campaign.
 */
export function summarizeScreening(result: ScreeningResult): ScreeningSummary {
  const summary: Partial<ScreeningSummary> = {
    qualifies: result.qualifies,
    disposition: result.disposition,
    flagged: result.flagged,
  };
  if ('category' in result) summary.category = result.category;
  if ('colour' in result) summary.colour = result.colour;
  summary.perCapitaIncomeFen = result.perCapitaIncomeFen;
  summary.monitoringLineFen = result.monitoringLineFen;
  summary.reasons = result.reasons;
  summary.policyVersion = result.policyVersion;
  const firedRules: RuleId[] = [];
  for (const rule of result.rules) if (rule.fired) firedRules.push(rule.rule);
  summary.firedRules = firedRules;
  return summary as ScreeningSummary;
}

export function sameVerdict(recorded: ScreeningSummary, recomputed: ScreeningSummary): boolean {
  return (
    VERDICT_FIELDS.every((field) => recorded[field] === recomputed[field]) &&
    recorded.firedRules.length === recomputed.firedRules.length &&
    recorded.firedRules.every((rule, i) => recomputed.firedRules[i] === rule)
  );
}

/**
 * The full result of a stored summary, with the rules of a recomputation. The recorded verdict (reasons
 * included) always stands; the explanation says whether the recomputed rules lead to it.
 */
export function explainSummary(recorded: ScreeningSummary, recomputed: ScreeningResult): ExplainedScreening {
  const { firedRules: _fired, ...verdict } = recorded;
  const consistent = sameVerdict(recorded, summarizeScreening(recomputed));
  const explanation: ScreeningExplanation = consistent
    ? { derived: true, consistent: true }
    : { derived: true, consistent: false, note: INCONSISTENT_DERIVATION_NOTE };
  return { ...verdict, rules: recomputed.rules, explanation };
}

/** Rows written before summaries carry the full result; newer rows carry a summary. */
export function isFullResult(stored: ScreeningSummary | ScreeningResult): stored is ScreeningResult {
  return Array.isArray((stored as Partial<ScreeningResult>).rules);
}
