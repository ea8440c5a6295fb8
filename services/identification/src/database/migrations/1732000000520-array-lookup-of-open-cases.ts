import type { MigrationInterface, QueryRunner } from 'typeorm';

const RETURNS = `RETURNS TABLE (id_card_index text, case_id uuid, case_no text, created_at timestamptz)`;

/** `open_cases_of` with this body (see migration 470 for why these planner settings). */
const lookup = (body: string) => `
  CREATE OR REPLACE FUNCTION open_cases_of(indexes text[], statuses text[], except_case uuid) ${RETURNS}
  LANGUAGE sql STABLE SET enable_seqscan = off SET enable_bitmapscan = off
  AS $$ ${body} $$`;

/** `lock_open_cases_of`, locking the people in the order of this subquery's `k` (see migration 490). */
const lockThenLookup = (orderedKeys: string) => `
  CREATE OR REPLACE FUNCTION lock_open_cases_of(indexes text[], statuses text[], except_case uuid) ${RETURNS}
  LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT
  AS $$
  BEGIN
    -- one order everywhere: two writers never wait on each other in a cycle
    PERFORM pg_advisory_xact_lock(k) FROM (${orderedKeys}) AS sorted;
    RETURN QUERY SELECT o.id_card_index, o.case_id, o.case_no, o.created_at
                 FROM open_cases_of(indexes, statuses, except_case) AS o;
  END $$`;

/**
 * The de-duplication lookup and person locks, cheaper for PostgreSQL (a 1,000-household chunk: about 3,000
 * people, nearly all new to the platform).
 *
 * - Lookup: one scan of the ID-number index for the whole array of people (PostgreSQL sorts the array and walks
 *   the index once per person), and only the people found are joined to their cases. The per-person LATERAL
 *   subquery of migration 470 set up a sort and a join for every person, found or not: 21 ms of a chunk's
 *   transaction against 14 ms now (3,000 people none of whom is stored, measured on a 300,000-member table). The
 *   case join stays behind an `OFFSET 0`, so whatever the statistics say (see 470) the plan starts from the
 *   index and never from household_case.
 * - Locks: taken in the order of their lock keys (bigint) rather than of the ID hashes as text, which sorted with
 *   the database collation: 3 ms against 4.5 ms a chunk. Any one order works so long as every caller uses it;
 *   all go through `lock_open_cases_of`.
 */
export class ArrayLookupOfOpenCases1732000000520 implements MigrationInterface {
  name = 'ArrayLookupOfOpenCases1732000000520';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      lookup(`
        SELECT DISTINCT ON (m.id_card_index) m.id_card_index, o.case_id, o.case_no, o.created_at
        FROM household_member m
        CROSS JOIN LATERAL (
          SELECT c.id AS case_id, c.case_no, c.created_at FROM household_case c
          WHERE c.id = m.case_id AND c.status = ANY(statuses) AND c.id IS DISTINCT FROM except_case
          OFFSET 0
        ) AS o
        WHERE m.id_card_index = ANY(indexes)
        ORDER BY m.id_card_index, o.created_at, o.case_no`),
    );
    await runner.query(
      lockThenLookup(`SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest(indexes) AS x ORDER BY 1`),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      lookup(`
        SELECT x.id_card_index, o.case_id, o.case_no, o.created_at
        FROM (SELECT DISTINCT unnest(indexes) AS id_card_index) AS x
        CROSS JOIN LATERAL (
          SELECT m.case_id, c.case_no, c.created_at FROM household_member m
          JOIN household_case c ON c.id = m.case_id
          WHERE m.id_card_index = x.id_card_index AND c.status = ANY(statuses) AND c.id IS DISTINCT FROM except_case
          ORDER BY c.created_at LIMIT 1
        ) AS o`),
    );
    await runner.query(
      lockThenLookup(
        `SELECT hashtextextended(x, 0) AS k FROM (SELECT DISTINCT x FROM unnest(indexes) AS x ORDER BY x) AS by_text`,
      ),
    );
  }
}
