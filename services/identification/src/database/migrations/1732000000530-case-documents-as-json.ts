import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's screening summary and masked facts are stored as `json` (the text, checked to be JSON) rather than
 * `jsonb` (parsed into PostgreSQL's binary form, keys sorted). They are always written and read whole: no query
 * compares, indexes or edits them inside the database (`facts->>'...'` works on either type). Parsing them into
 * jsonb was the largest single cost of storing a batch household on PostgreSQL's side: 19 µs a case against
 * 7.5 µs as json (50,000 cases of `bench:screening`), and the stored rows are a fifth smaller. Reads now return
 * the keys in the order they were written. Revisions keep jsonb (one row per amendment, not per household).
 */
export class CaseDocumentsAsJson1732000000530 implements MigrationInterface {
  name = 'CaseDocumentsAsJson1732000000530';

  async up(runner: QueryRunner): Promise<void> {
    await documentsAs(runner, 'json');
  }

  async down(runner: QueryRunner): Promise<void> {
    await documentsAs(runner, 'jsonb');
  }
}

async function documentsAs(runner: QueryRunner, type: 'json' | 'jsonb'): Promise<void> {
  await runner.query(
    `ALTER TABLE household_case
       ALTER COLUMN screening TYPE ${type} USING screening::${type},
       ALTER COLUMN facts TYPE ${type} USING facts::${type}`,
  );
  // Still no statistics on them (migration 510), whatever the type change does to the setting.
  await runner.query(
    `ALTER TABLE household_case ALTER COLUMN screening SET STATISTICS 0, ALTER COLUMN facts SET STATISTICS 0`,
  );
}
