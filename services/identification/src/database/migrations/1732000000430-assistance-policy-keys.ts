import type { MigrationInterface, QueryRunner } from 'typeorm';

const SOURCE = '政策默认值（shared/domain/policy.md §3：帮扶责任人调整须及时，默认10个工作日）';

/**
 * Assistance keys added after the national defaults were seeded (migration 300). Each key joins the
 * national default version of every year already seeded (region 000000000000, effective 1 January), so the
 * effective policy of any area and day in those years carries it; regions override it through the admin API.
 * Values are frozen here: a later change of a default is a new migration or a new version, never an edit.
 */
export const ASSISTANCE_POLICY_DEFAULTS_430: Record<string, unknown> = {
  helper_replacement_working_days: 10,
};

export class AssistancePolicyKeys1732000000430 implements MigrationInterface {
  name = 'AssistancePolicyKeys1732000000430';

  async up(runner: QueryRunner): Promise<void> {
    for (const [key, value] of Object.entries(ASSISTANCE_POLICY_DEFAULTS_430)) {
      await runner.query(
        `INSERT INTO policy_parameter (region_code, year, key, value, effective_from, source)
         SELECT DISTINCT region_code, year, $1, $2::jsonb, effective_from, $3 FROM policy_parameter
         WHERE region_code = '000000000000' AND effective_from = make_date(year, 1, 1)
         ON CONFLICT DO NOTHING`,
        [key, JSON.stringify(value), SOURCE],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DELETE FROM policy_parameter WHERE region_code = '000000000000' AND key = ANY($1::text[]) AND source = $2`,
      [Object.keys(ASSISTANCE_POLICY_DEFAULTS_430), SOURCE],
    );
  }
}
