import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `open_cases_of` with this body and these planner settings (see migration 470). */
const lookup = (body: string, settings: string) => `
  CREATE OR REPLACE FUNCTION open_cases_of(indexes text[], statuses text[], except_case uuid)
  RETURNS TABLE (id_card_index text, case_id uuid, case_no text, created_at timestamptz)
  LANGUAGE sql STABLE ${settings}
  AS $$ ${body} $$`;

/** Whatever the statistics say, members are reached through the ID-number index only (migration 470). */
const INDEX_ONLY = 'SET enable_seqscan = off SET enable_bitmapscan = off';

/** The people found are joined to their open cases behind `OFFSET 0`: the plan never starts from household_case. */
const OPEN_CASE = `
  CROSS JOIN LATERAL (
    SELECT c.id AS case_id, c.case_no, c.created_at FROM household_case c
    WHERE c.id = m.case_id AND c.status = ANY(statuses) AND c.id IS DISTINCT FROM except_case
    OFFSET 0
  ) AS o`;

/**
 * The members' ID-number index as a hash index instead of a B-tree. It is only ever probed for equality (is this
 * person in an open case?), and a chunk of 1,000 households adds about 3,000 random 64-character keys to it: a
 * B-tree compares each new key with text comparisons all the way down and dirties pages all over the index, a hash
 * index writes each key's 4-byte hash into its bucket. Storing the members of 100,000 bench households through
 * COPY: 60–67 against 70–78 µs of PostgreSQL CPU a household; the de-duplication lookup of 3,000 people in a
 * 300,000-member table: 4–10 against 12–17 ms. A hash index answers no `= ANY(array)` in one scan, so the lookup
 * now probes it once per person of the array (a nested loop over `unnest`).
 */
export class HashedIdNumberIndex1732000000540 implements MigrationInterface {
  name = 'HashedIdNumberIndex1732000000540';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX household_member_id_card_hash ON household_member USING hash (id_card_index)`);
    await runner.query(`DROP INDEX household_member_id_card_idx`);
    await runner.query(
      lookup(
        `SELECT DISTINCT ON (m.id_card_index) m.id_card_index, o.case_id, o.case_no, o.created_at
         FROM unnest(indexes) AS x(id_card_index)
         JOIN household_member m ON m.id_card_index = x.id_card_index
         ${OPEN_CASE}
         ORDER BY m.id_card_index, o.created_at, o.case_no`,
        INDEX_ONLY,
      ),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX household_member_id_card_idx ON household_member (id_card_index)`);
    await runner.query(`DROP INDEX household_member_id_card_hash`);
    await runner.query(
      lookup(
        `SELECT DISTINCT ON (m.id_card_index) m.id_card_index, o.case_id, o.case_no, o.created_at
         FROM household_member m
         ${OPEN_CASE}
         WHERE m.id_card_index = ANY(indexes)
         ORDER BY m.id_card_index, o.created_at, o.case_no`,
        INDEX_ONLY,
      ),
    );
  }
}
