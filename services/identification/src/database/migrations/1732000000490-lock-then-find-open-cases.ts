import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Person locks and the open-case lookup in one call (one round trip, the ID-number array sent and parsed once):
 * about 3,000 blind indexes for a 1,000-household chunk. The lookup is a statement of its own inside the
 * function, so (read committed, volatile function) it takes its snapshot after the locks are held and sees every
 * case committed by a writer it waited for; one statement doing both would read with the snapshot taken before
 * waiting, and two concurrent imports of one person would both open a case.
 */
export class LockThenFindOpenCases1732000000490 implements MigrationInterface {
  name = 'LockThenFindOpenCases1732000000490';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION lock_open_cases_of(indexes text[], statuses text[], except_case uuid)
      RETURNS TABLE (id_card_index text, case_id uuid, case_no text, created_at timestamptz)
      LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT
      AS $$
      BEGIN
        -- one sorted order everywhere: two writers never wait on each other in a cycle
        PERFORM pg_advisory_xact_lock(hashtextextended(x, 0))
        FROM (SELECT DISTINCT x FROM unnest(indexes) AS x ORDER BY x) AS sorted;
        RETURN QUERY SELECT o.id_card_index, o.case_id, o.case_no, o.created_at
                     FROM open_cases_of(indexes, statuses, except_case) AS o;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION lock_open_cases_of(text[], text[], uuid)`);
  }
}
