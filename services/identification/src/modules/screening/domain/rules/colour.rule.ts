import type { Guarantees } from '../household';
import { COLOUR_LABELS, GUARANTEE_LABELS, joinLabels, RISK_POINT_LABELS } from '../labels';
import { applyBasisPointsCeil, formatBasisPoints, formatYuan } from '../money';
import type { PolicyProfile } from '../policy-profile';
import type { ComputedRule } from '../rule-result';
import { GUARANTEE_KEYS, type RiskColour, type RiskPoint } from '../vocabulary';

export interface ColourFacts {
  riskPoints: readonly RiskPoint[];
  guarantees: Guarantees;
  perCapitaIncomeFen: number;
  /** BELOW_LINE or RIGID_EXPENDITURE fired (before the children-support exclusion). */
  meetsQualificationCondition: boolean;
}

/** YELLOW threshold: national poverty standard × multiplier, rounded up to the fen (inclusive test). */
export function yellowLineFen(profile: PolicyProfile): number {
  return applyBasisPointsCeil(profile.nationalPovertyStandardFenPerCapitaYear, profile.yellowMultiplierBasisPoints);
}

function gaps(facts: ColourFacts, yellowFen: number): string[] {
  const unmet = GUARANTEE_KEYS.filter((key) => !facts.guarantees[key]);
  const found: string[] = [];
  if (unmet.length > 0) found.push(`两不愁三保障及饮水安全未达标（${joinLabels(unmet, GUARANTEE_LABELS)}）`);
  if (facts.perCapitaIncomeFen <= yellowFen)
    found.push(`预计人均纯收入${formatYuan(facts.perCapitaIncomeFen)}不高于${formatYuan(yellowFen)}`);
  if (facts.meetsQualificationCondition) found.push('符合监测对象纳入条件');
  return found;
}

function pick(facts: ColourFacts, profile: PolicyProfile, risks: RiskPoint[]): { colour?: RiskColour; why: string } {
  const yellowFen = yellowLineFen(profile);
  if (risks.length >= profile.redMinRiskPoints) {
    return {
      colour: 'RED',
      why: `同时存在${risks.length}个风险点（${joinLabels(risks, RISK_POINT_LABELS)}），达到${profile.redMinRiskPoints}个`,
    };
  }
  const found = gaps(facts, yellowFen);
  if (found.length > 0) return { colour: 'YELLOW', why: found.join('；') };
  const exposure = risks.filter((point) => profile.blueExposureRiskPoints.includes(point));
  if (exposure.length > 0)
    return { colour: 'BLUE', why: `无明显缺口，但存在大额支出风险（${joinLabels(exposure, RISK_POINT_LABELS)}）` };
  return {
    why: `无明显缺口，预计人均纯收入高于国家扶贫标准的${formatBasisPoints(profile.yellowMultiplierBasisPoints)}（${formatYuan(yellowFen)}），且无大额支出风险`,
  };
}

/**
 * 三色管理 (Liling), first match wins:
 * RED    — at least `redMinRiskPoints` distinct risk points at once.
 * YELLOW — a visible gap: per-capita income ≤ national poverty standard × multiplier (the Liling rule);
 *          (reading) also an unmet 两不愁三保障/饮水 item, or meeting a qualification condition (a
 *          qualifying household is never merely BLUE).
 * BLUE   — no gap, but an exposure risk point (illness, schooling, disaster, accident by default).
 * (reading) Colour is a risk view computed for every household, also excluded or non-qualifying ones.
 */
export function colourRule(facts: ColourFacts, profile: PolicyProfile): ComputedRule<{ colour?: RiskColour }> {
  const risks = [...new Set(facts.riskPoints)];
  const { colour, why } = pick(facts, profile, risks);
  return {
    rule: 'COLOUR',
    fired: colour !== undefined,
    inputs: {
      riskPoints: risks,
      guarantees: { ...facts.guarantees },
      perCapitaIncomeFen: facts.perCapitaIncomeFen,
      yellowLineFen: yellowLineFen(profile),
      meetsQualificationCondition: facts.meetsQualificationCondition,
      redMinRiskPoints: profile.redMinRiskPoints,
      blueExposureRiskPoints: [...profile.blueExposureRiskPoints],
    },
    output: colour === undefined ? {} : { colour },
    reason: colour === undefined ? `不划色：${why}` : `${why}，标记为${COLOUR_LABELS[colour]}`,
  };
}
