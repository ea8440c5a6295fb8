import { RISK_POINT_LABELS, RISK_POINTS, type RiskPoint } from '../../screening/domain';

/** The screening's kind of a reported risk point: the one given, the one the text names exactly, else OTHER. */
export function riskPointTypeOf(text: string, given?: RiskPoint): RiskPoint {
  if (given) return given;
  const trimmed = text.trim();
  return RISK_POINTS.find((point) => point === trimmed || RISK_POINT_LABELS[point] === trimmed) ?? 'OTHER';
}
