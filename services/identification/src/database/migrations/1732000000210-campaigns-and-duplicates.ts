import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Screening campaigns (摸排) with progress committed per chunk, and the review of suspected duplicates. */
export class CampaignsAndDuplicates1732000000210 implements MigrationInterface {
  name = 'CampaignsAndDuplicates1732000000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE screening_campaign (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        quarter text NOT NULL,
        area_codes text[] NOT NULL,
        status text NOT NULL DEFAULT 'OPEN',
        total int NOT NULL DEFAULT 0,
        done int NOT NULL DEFAULT 0,
        flagged int NOT NULL DEFAULT 0,
        rejected int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      ALTER TABLE household_case
        ADD COLUMN campaign_id uuid REFERENCES screening_campaign (id),
        ADD COLUMN duplicate_review jsonb`);
    await runner.query(
      `CREATE INDEX household_case_campaign_idx ON household_case (campaign_id) WHERE campaign_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX household_case_campaign_idx`);
    await runner.query(`ALTER TABLE household_case DROP COLUMN campaign_id, DROP COLUMN duplicate_review`);
    await runner.query(`DROP TABLE screening_campaign`);
  }
}
