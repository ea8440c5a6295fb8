import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full household of intake: screening outcome and facts on the case, members in their own table with
 * the ID number as a blind index (de-duplication) and ciphertext, never in clear.
 */
export class HouseholdFacts1732000000200 implements MigrationInterface {
  name = 'HouseholdFacts1732000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE household_case
        ALTER COLUMN response_due_date DROP NOT NULL,
        ADD COLUMN identification_month text,
        ADD COLUMN category text,
        ADD COLUMN colour text,
        ADD COLUMN policy_version text,
        ADD COLUMN screening jsonb,
        ADD COLUMN facts jsonb,
        ADD COLUMN duplicate_of uuid REFERENCES household_case (id)`);
    await runner.query(`CREATE INDEX household_case_status_idx ON household_case (status, area_code)`);
    await runner.query(`
      CREATE TABLE household_member (
        case_id uuid NOT NULL REFERENCES household_case (id),
        position int NOT NULL,
        id_card_index text NOT NULL,
        id_card_masked text NOT NULL,
        id_card_cipher text NOT NULL,
        name text NOT NULL,
        relation text NOT NULL,
        birth_date date NOT NULL,
        PRIMARY KEY (case_id, position)
      )`);
    await runner.query(`CREATE INDEX household_member_id_card_idx ON household_member (id_card_index)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE household_member`);
    await runner.query(`DROP INDEX household_case_status_idx`);
    await runner.query(`
      ALTER TABLE household_case DROP COLUMN identification_month, DROP COLUMN category, DROP COLUMN colour,
        DROP COLUMN policy_version, DROP COLUMN screening, DROP COLUMN facts, DROP COLUMN duplicate_of`);
  }
}
