import type { MigrationInterface, QueryRunner } from 'typeorm';

const SOURCE = '政策默认值（shared/domain/policy.md，2021年乡镇实施方案、柳州、东台、醴陵）';
const YEARS = [2024, 2025, 2026, 2027];

/**
 * National default rows (region 000000000000) of the policy tables, one version per year from 1 January.
 * They are data, not code: provinces, cities and counties add their own versions through the admin API,
 * which win over these for every key they set. The national poverty standard is a reading: policy.md gives
 * the 6,500-yuan line as 1.5 × the standard, so 6,500 ÷ 1.5 = 4,333.33 yuan.
 */
export const POLICY_DEFAULTS: Record<string, unknown> = {
  monitoring_line_kind: 'AMOUNT',
  monitoring_line_fen_per_capita_year: 650_000,
  national_poverty_standard_fen_per_capita_year: 433_333,
  yellow_multiplier_basis_points: 15_000,
  income_window_months: 12,
  exempt_income_types: ['GUARANTEED_PROJECT_DIVIDEND', 'BASIC_PENSION'],
  deductible_expense_types: ['OUT_OF_POCKET_MEDICAL'],
  rigid_expense_types: ['OUT_OF_POCKET_MEDICAL', 'EDUCATION', 'CARE', 'DISASTER_LOSS'],
  rigid_expenditure_ratio_basis_points: 10_000,
  collapse_risk_points: ['INCOME_COLLAPSE', 'LOST_MAIN_LABOURER', 'LOST_MEANS_OF_PRODUCTION', 'LOST_HOUSING'],
  red_min_risk_points: 2,
  blue_exposure_risk_points: ['ILLNESS', 'SCHOOLING', 'DISASTER', 'ACCIDENT'],
  response_working_days: 5,
  verification_working_days: 20,
  public_notice_working_days: 5,
  county_batch_min_working_days: 3,
  helper_assignment_working_days: 10,
  first_measures_working_days: 10,
  reevaluation_months: 6,
  scale_warning_basis_points: 500,
};

export class PolicyDefaults1732000000300 implements MigrationInterface {
  name = 'PolicyDefaults1732000000300';

  async up(runner: QueryRunner): Promise<void> {
    for (const year of YEARS) {
      for (const [key, value] of Object.entries(POLICY_DEFAULTS)) {
        await runner.query(
          `INSERT INTO policy_parameter (region_code, year, key, value, effective_from, source)
           VALUES ('000000000000', $1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [year, key, JSON.stringify(value), `${year}-01-01`, SOURCE],
        );
      }
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM policy_parameter WHERE region_code = '000000000000' AND source = $1`, [SOURCE]);
  }
}
