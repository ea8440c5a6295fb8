import { formatYuan } from '../money';
import type { MonitoringLine, PolicyProfile } from '../policy-profile';
import type { ComputedRule } from '../rule-result';

export function resolveMonitoringLineFen(line: MonitoringLine): number {
  return line.kind === 'AMOUNT' ? line.fenPerCapitaYear : line.dibaoFenPerPersonMonth * 12;
}

/** 监测线: the profile's amount, or the dibao standard per person per month × 12. */
export function monitoringLineRule(profile: PolicyProfile): ComputedRule<{ monitoringLineFen: number }> {
  const line = profile.monitoringLine;
  const monitoringLineFen = resolveMonitoringLineFen(line);
  const how =
    line.kind === 'AMOUNT'
      ? `按${profile.regionCode}地区${profile.year}年度监测线`
      : `按低保标准每人每月${formatYuan(line.dibaoFenPerPersonMonth)} × 12个月`;
  return {
    rule: 'MONITORING_LINE',
    fired: true,
    inputs: { monitoringLine: { ...line }, regionCode: profile.regionCode, year: profile.year },
    output: { monitoringLineFen },
    reason: `${how}，监测线为人均${formatYuan(monitoringLineFen)}/年`,
  };
}

/**
 * Qualification reason 1: per-capita income strictly below the monitoring line (exactly at the line does
 * not qualify). `gapFen` is how far below the line it is (0 when not below).
 * (reading) Being below the line is itself taken as the "risk of (re)falling into poverty".
 */
export function belowLineRule(
  perCapitaIncomeFen: number,
  monitoringLineFen: number,
): ComputedRule<{ belowLine: boolean; gapFen: number }> {
  const fired = perCapitaIncomeFen < monitoringLineFen;
  const comparison = fired ? '低于' : '不低于';
  return {
    rule: 'BELOW_LINE',
    fired,
    inputs: { perCapitaIncomeFen, monitoringLineFen },
    output: { belowLine: fired, gapFen: fired ? monitoringLineFen - perCapitaIncomeFen : 0 },
    reason: `人均纯收入${formatYuan(perCapitaIncomeFen)}${comparison}监测线${formatYuan(monitoringLineFen)}`,
  };
}
