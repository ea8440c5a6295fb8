import type { ExpenseType, IncomeType, RiskPoint } from './vocabulary';

/** The monitoring line (监测线): a fixed amount, or the dibao standard (低保标准) × 12 (Dongtai). */
export type MonitoringLine =
  | { kind: 'AMOUNT'; fenPerCapitaYear: number }
  | { kind: 'DIBAO_STANDARD'; dibaoFenPerPersonMonth: number };

/**
 * The numbers of one region and year. Rules read every threshold from here: nothing is a constant in
 * code. Amounts are integer fen; rates are basis points (10000 = 100% = 1×).
 */
export interface PolicyProfile {
  /** Stamped on every screening result, so a decision names the rule version that made it. */
  version: string;
  /** 12-digit area code of the region the profile applies to (000000000000 = national default). */
  regionCode: string;
  year: number;
  monitoringLine: MonitoringLine;
  nationalPovertyStandardFenPerCapitaYear: number;
  /** YELLOW threshold = national poverty standard × this (default 15000 = 1.5×). */
  yellowMultiplierBasisPoints: number;
  /** Length of the income window ending with the month before identification (default 12). */
  incomeWindowMonths: number;
  /** 收入豁免: income types not counted. */
  exemptIncomeTypes: readonly IncomeType[];
  /** 支出核减: expense types deducted from household income before dividing by household size. */
  deductibleExpenseTypes: readonly ExpenseType[];
  /** Expenses that are "rigid expenditure" (刚性支出) for qualification reason 2. */
  rigidExpenseTypes: readonly ExpenseType[];
  /** Rigid expenditure "clearly exceeds" last year's income when expenses > income × this (10000 = 100%). */
  rigidExpenditureRatioBasisPoints: number;
  /** Risk points that qualify on their own (income collapse, lost main labourer / means of production / housing). */
  collapseRiskPoints: readonly RiskPoint[];
  /** RED = at least this many distinct risk points at once. */
  redMinRiskPoints: number;
  /** Risk points that expose a household to a large expenditure (BLUE). */
  blueExposureRiskPoints: readonly RiskPoint[];
}

/**
 * Defaults from policy.md (2021 township plan): line 6,500 yuan per capita per year, said to be 1.5 × the
 * national poverty standard.
 * (reading) The national poverty standard is not stated; it is derived as 6,500 ÷ 1.5 = 4,333.33 yuan
 * (433333 fen, rounded down), and the YELLOW threshold rounds up, so 1.5 × 433333 fen = 650000 fen again.
 * (reading) Rigid expenditure = medical, education, care and disaster loss; a production loss is an
 * income matter (risk points INCOME_COLLAPSE / LOST_MEANS_OF_PRODUCTION), not rigid expenditure.
 */
export const DEFAULT_POLICY_PROFILE_2021: PolicyProfile = Object.freeze({
  version: 'DEFAULT-2021.1',
  regionCode: '000000000000',
  year: 2021,
  monitoringLine: Object.freeze({ kind: 'AMOUNT', fenPerCapitaYear: 650_000 } as const),
  nationalPovertyStandardFenPerCapitaYear: 433_333,
  yellowMultiplierBasisPoints: 15_000,
  incomeWindowMonths: 12,
  exemptIncomeTypes: Object.freeze(['GUARANTEED_PROJECT_DIVIDEND', 'BASIC_PENSION'] as const),
  deductibleExpenseTypes: Object.freeze(['OUT_OF_POCKET_MEDICAL'] as const),
  rigidExpenseTypes: Object.freeze(['OUT_OF_POCKET_MEDICAL', 'EDUCATION', 'CARE', 'DISASTER_LOSS'] as const),
  rigidExpenditureRatioBasisPoints: 10_000,
  collapseRiskPoints: Object.freeze([
    'INCOME_COLLAPSE',
    'LOST_MAIN_LABOURER',
    'LOST_MEANS_OF_PRODUCTION',
    'LOST_HOUSING',
  ] as const),
  redMinRiskPoints: 2,
  blueExposureRiskPoints: Object.freeze(['ILLNESS', 'SCHOOLING', 'DISASTER', 'ACCIDENT'] as const),
});

/**
 * A Dongtai-style variant of `base`: the monitoring line is the dibao standard × 12. The caller supplies
 * the standard (it differs by county and year) and the version of the resulting profile.
 */
export function withDibaoStandardLine(
  base: PolicyProfile,
  dibaoFenPerPersonMonth: number,
  version: string,
): PolicyProfile {
  return { ...base, version, monitoringLine: { kind: 'DIBAO_STANDARD', dibaoFenPerPersonMonth } };
}
