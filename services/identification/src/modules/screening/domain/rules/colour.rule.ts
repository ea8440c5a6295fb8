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
  /** The household qualifies (a §2 condition holds and it is not excluded). */
  qualifies: boolean;
  /** 子女赡养能力充足. */
  excluded: boolean;
}

/** YELLOW threshold: national poverty standard × multiplier, rounded up to the fen (inclusive test). */
export function yellowLineFen(profile: PolicyProfile): number {
  return applyBasisPointsCeil(profile.nationalPovertyStandardFenPerCapitaYear, profile.yellowMultiplierBasisPoints);
}

interface Pick {
  colour?: RiskColour;
  why: string;
}

/** Visible gaps (明显缺口): unmet 两不愁三保障/饮水 items, projected per-capita income ≤ the YELLOW line. */
function gaps(facts: ColourFacts, yellowFen: number): string[] {
  const unmet = GUARANTEE_KEYS.filter((key) => !facts.guarantees[key]);
  const found: string[] = [];
  if (unmet.length > 0) found.push(`两不愁三保障及饮水安全未达标（${joinLabels(unmet, GUARANTEE_LABELS)}）`);
  if (facts.perCapitaIncomeFen <= yellowFen)
    found.push(`预计人均纯收入${formatYuan(facts.perCapitaIncomeFen)}不高于${formatYuan(yellowFen)}`);
  return found;
}

function several(risks: readonly RiskPoint[], profile: PolicyProfile): string | undefined {
  if (risks.length < profile.redMinRiskPoints) return undefined;
  return `同时存在${risks.length}个风险点（${joinLabels(risks, RISK_POINT_LABELS)}），达到${profile.redMinRiskPoints}个`;
}

function exposure(risks: readonly RiskPoint[], profile: PolicyProfile): string | undefined {
  const exposed = risks.filter((point) => profile.blueExposureRiskPoints.includes(point));
  return exposed.length > 0 ? `存在大额支出风险（${joinLabels(exposed, RISK_POINT_LABELS)}）` : undefined;
}

function pickMonitored(
  facts: ColourFacts,
  profile: PolicyProfile,
  risks: readonly RiskPoint[],
  yellowFen: number,
): Pick {
  const red = several(risks, profile);
  if (red !== undefined) return { colour: 'RED', why: red };
  const found = gaps(facts, yellowFen);
  return { colour: 'YELLOW', why: [...found, '符合监测对象纳入条件'].join('；') };
}

function pickWatched(facts: ColourFacts, profile: PolicyProfile, risks: readonly RiskPoint[], yellowFen: number): Pick {
  const signals = [several(risks, profile), ...gaps(facts, yellowFen), exposure(risks, profile)];
  const found = signals.filter((signal): signal is string => signal !== undefined);
  if (found.length > 0) return { colour: 'BLUE', why: `未达到纳入条件，但${found.join('；')}，由村跟踪` };
  const above = `预计人均纯收入高于国家扶贫标准的${formatBasisPoints(profile.yellowMultiplierBasisPoints)}（${formatYuan(yellowFen)}）`;
  return { why: `无明显缺口，${above}，且无大额支出风险` };
}

/**
 * 三色管理 (Liling). For a qualifying household (监测对象):
 * RED    — at least `redMinRiskPoints` distinct risk points at once;
 * YELLOW — otherwise (the Liling YELLOW is per-capita income ≤ national standard × multiplier with the
 *          guarantees met; (reading) a qualifying household is at least YELLOW, also when its guarantees
 *          are unmet or its income is above that line, e.g. a sudden expenditure).
 * (reading) RED and YELLOW are colours of monitored households: policy §3 gives them cadre helpers,
 * while BLUE is tracked by the village committee. A household that meets no §2 condition is therefore
 * at most BLUE: watched when exposed to a large expenditure (illness, schooling, disaster, accident by
 * default), and also when it shows a visible gap or several risk points without (yet) meeting §2, so
 * that nothing visible is dropped. It is upgraded to YELLOW/RED once it qualifies.
 * An excluded household (子女赡养能力充足) gets no colour.
 */
export function colourRule(facts: ColourFacts, profile: PolicyProfile): ComputedRule<{ colour?: RiskColour }> {
  const risks = facts.riskPoints.filter((point, index) => facts.riskPoints.indexOf(point) === index);
  const yellowFen = yellowLineFen(profile);
  const { colour, why } = facts.excluded
    ? { colour: undefined, why: '子女有充足赡养能力，不纳入监测' }
    : facts.qualifies
      ? pickMonitored(facts, profile, risks, yellowFen)
      : pickWatched(facts, profile, risks, yellowFen);
  return {
    rule: 'COLOUR',
    fired: colour !== undefined,
    inputs: {
      riskPoints: risks,
      guarantees: { ...facts.guarantees },
      perCapitaIncomeFen: facts.perCapitaIncomeFen,
      yellowLineFen: yellowFen,
      qualifies: facts.qualifies,
      excluded: facts.excluded,
      redMinRiskPoints: profile.redMinRiskPoints,
      blueExposureRiskPoints: [...profile.blueExposureRiskPoints],
    },
    output: colour === undefined ? {} : { colour },
    reason: colour === undefined ? `不划色：${why}` : `${why}，标记为${COLOUR_LABELS[colour]}`,
  };
}
