import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitReporting1732000000400 implements MigrationInterface {
  name = 'InitReporting1732000000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_summary (
        case_id uuid PRIMARY KEY,
        case_no text NOT NULL,
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        channel text NOT NULL,
        discovered_on date NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE overdue_item (
        case_id uuid NOT NULL,
        kind text NOT NULL,
        due_date date NOT NULL,
        due_at timestamptz NOT NULL,
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        responsible_level text NOT NULL,
        escalated_to text NOT NULL,
        workflow_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, kind, due_date)
      )`);
    await runner.query(`CREATE INDEX overdue_item_area_idx ON overdue_item (area_code text_pattern_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE overdue_item`);
    await runner.query(`DROP TABLE case_summary`);
  }
}
