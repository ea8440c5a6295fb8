export interface CountyFigures {
  countyCode: string;
  monitoredHouseholds: number;
  /** Null while the county's registered-poor population has not been recorded. */
  registeredPoorPopulation: number | null;
  /** Monitored households ÷ registered-poor population in basis points, rounded up (so it exceeds the threshold exactly when the warning is on); null without a population. */
  ratioBasisPoints: number | null;
  /** The policy's scale_warning_basis_points for the county on the day. */
  thresholdBasisPoints: number;
  warning: boolean;
  warningText: string;
}

interface Inputs {
  countyCode: string;
  countyName: string;
  monitoredHouseholds: number;
  registeredPoorPopulation: number | null;
  thresholdBasisPoints: number;
}

const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2)}%`;

/**
 * The scale check (Dongtai: monitored households at most 5% of the registered-poor population). Above the
 * threshold is strictly greater, compared in integers; it is a flag for the county, never a block on a case.
 */
export function countyFigures(input: Inputs): CountyFigures {
  const { countyCode, countyName, monitoredHouseholds: monitored, registeredPoorPopulation: population } = input;
  const threshold = input.thresholdBasisPoints;
  const base = { countyCode, monitoredHouseholds: monitored, registeredPoorPopulation: population };
  if (!population) {
    const warningText = `${countyName}尚未登记建档立卡人口，无法计算监测规模占比（当前监测户${monitored}户）`;
    return { ...base, ratioBasisPoints: null, thresholdBasisPoints: threshold, warning: false, warningText };
  }
  const ratioBasisPoints = Math.ceil((monitored * 10_000) / population);
  const warning = monitored * 10_000 > threshold * population;
  const share = `${countyName}监测户${monitored}户，占建档立卡人口${population}人的${percent(ratioBasisPoints)}`;
  const warningText = warning
    ? `${share}，超过${percent(threshold)}的监测规模预警线，请县级复核监测对象认定情况（仅作提示，不影响案件办理）`
    : `${share}，未超过${percent(threshold)}的监测规模预警线`;
  return { ...base, ratioBasisPoints, thresholdBasisPoints: threshold, warning, warningText };
}
