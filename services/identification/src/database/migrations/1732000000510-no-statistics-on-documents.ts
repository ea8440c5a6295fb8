import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The JSON documents a case keeps: read whole, never filtered on (no query of this service compares them). */
const DOCUMENTS: [table: string, columns: string[]][] = [
  ['household_case', ['screening', 'facts', 'duplicate_review', 'screening_warning']],
  ['case_facts_revision', ['previous_facts', 'previous_screening', 'facts', 'screening', 'response']],
  ['step_decision', ['attachments']],
  ['outbox_message', ['envelope']],
];

/**
 * ANALYZE (autovacuum runs it as a table grows) no longer gathers statistics on the stored JSON documents. It
 * sorted 30,000 sampled household documents by jsonb comparison each time: 1.7 s of CPU for one ANALYZE of a
 * 100,000-case table against 0.35 s without them, and during `bench:screening` that pass took about a sixth of the
 * machine's CPU while it ran. The planner has no use for them: no WHERE, JOIN or ORDER BY of the service names a
 * document (the case lookup only reads fields of `facts`). A later filter on a document field should get an
 * expression index, whose statistics ANALYZE gathers regardless of these settings.
 */
export class NoStatisticsOnDocuments1732000000510 implements MigrationInterface {
  name = 'NoStatisticsOnDocuments1732000000510';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, columns] of DOCUMENTS)
      await runner.query(`ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} SET STATISTICS 0`).join(', ')}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table, columns] of DOCUMENTS)
      await runner.query(
        `ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} SET STATISTICS -1`).join(', ')}`,
      );
  }
}
