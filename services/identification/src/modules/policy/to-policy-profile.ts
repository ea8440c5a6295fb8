import type { PolicyProfile } from '../screening/domain';
import type { EffectivePolicy } from './effective-policy';
import { PolicyIncompleteException } from './policy-errors';
import type { PolicyKey, PolicyValues } from './policy-keys';

const SCREENING_KEYS: PolicyKey[] = [
  'monitoring_line_kind',
  'national_poverty_standard_fen_per_capita_year',
  'yellow_multiplier_basis_points',
  'income_window_months',
  'exempt_income_types',
  'deductible_expense_types',
  'rigid_expense_types',
  'rigid_expenditure_ratio_basis_points',
  'collapse_risk_points',
  'red_min_risk_points',
  'blue_exposure_risk_points',
];

function lineKey(values: PolicyValues): PolicyKey {
  return values.monitoring_line_kind === 'DIBAO_STANDARD'
    ? 'dibao_standard_fen_per_person_month'
    : 'monitoring_line_fen_per_capita_year';
}

/** Maps the effective values to the screening engine's profile; every key is required, none defaulted in code. */
export function toPolicyProfile(policy: EffectivePolicy): PolicyProfile {
  const v = policy.values;
  const missing = [...SCREENING_KEYS, lineKey(v)].filter((key) => v[key] === undefined);
  if (missing.length > 0) throw new PolicyIncompleteException(policy.version, missing);
  const required = <K extends PolicyKey>(key: K) => v[key] as NonNullable<PolicyValues[K]>;
  return {
    version: policy.version,
    regionCode: policy.regionCode,
    year: policy.year,
    monitoringLine:
      v.monitoring_line_kind === 'DIBAO_STANDARD'
        ? { kind: 'DIBAO_STANDARD', dibaoFenPerPersonMonth: required('dibao_standard_fen_per_person_month') }
        : { kind: 'AMOUNT', fenPerCapitaYear: required('monitoring_line_fen_per_capita_year') },
    nationalPovertyStandardFenPerCapitaYear: required('national_poverty_standard_fen_per_capita_year'),
    yellowMultiplierBasisPoints: required('yellow_multiplier_basis_points'),
    incomeWindowMonths: required('income_window_months'),
    exemptIncomeTypes: required('exempt_income_types'),
    deductibleExpenseTypes: required('deductible_expense_types'),
    rigidExpenseTypes: required('rigid_expense_types'),
    rigidExpenditureRatioBasisPoints: required('rigid_expenditure_ratio_basis_points'),
    collapseRiskPoints: required('collapse_risk_points'),
    redMinRiskPoints: required('red_min_risk_points'),
    blueExposureRiskPoints: required('blue_exposure_risk_points'),
  };
}
