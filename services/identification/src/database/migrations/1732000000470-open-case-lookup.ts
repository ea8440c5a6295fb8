import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The de-duplication lookup (which open case, if any, each person is already in) as a function that always
 * probes the ID-number index once per person. Run as a plain query, its plan depended on the table's
 * statistics: during a bulk load into a young table (a new province's first campaign) autovacuum's statistics
 * lag far behind and the planner, believing household_member tiny, scanned it for chunk after chunk (125 ms a
 * 1,000-household chunk on average, up to 300 ms, against ~25 ms now); written as a plain LATERAL join it did
 * so for every person and a 100,000-household campaign fell to under two hundred households a second.
 */
export class OpenCaseLookup1732000000470 implements MigrationInterface {
  name = 'OpenCaseLookup1732000000470';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION open_cases_of(indexes text[], statuses text[], except_case uuid)
      RETURNS TABLE (id_card_index text, case_id uuid, case_no text, created_at timestamptz)
      LANGUAGE sql STABLE
      SET enable_seqscan = off
      SET enable_bitmapscan = off
      AS $$
        SELECT x.id_card_index, o.case_id, o.case_no, o.created_at
        FROM (SELECT DISTINCT unnest(indexes) AS id_card_index) AS x
        CROSS JOIN LATERAL (
          SELECT m.case_id, c.case_no, c.created_at FROM household_member m
          JOIN household_case c ON c.id = m.case_id
          WHERE m.id_card_index = x.id_card_index AND c.status = ANY(statuses) AND c.id IS DISTINCT FROM except_case
          ORDER BY c.created_at LIMIT 1
        ) AS o
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION open_cases_of(text[], text[], uuid)`);
  }
}
