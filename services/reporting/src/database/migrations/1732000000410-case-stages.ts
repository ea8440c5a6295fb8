import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each case's current approval stage, and overdue items that close when the awaited step is recorded.
 * clock_resolution remembers a resolved clock so an overdue event arriving after its step stays closed.
 */
export class CaseStages1732000000410 implements MigrationInterface {
  name = 'CaseStages1732000000410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_stage (
        case_id uuid PRIMARY KEY,
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        step text NOT NULL,
        outcome text,
        last_step text,
        last_result text,
        flow_version text,
        changed_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX case_stage_area_idx ON case_stage (area_code text_pattern_ops, step)`);
    await runner.query(`
      CREATE TABLE clock_resolution (
        case_id uuid NOT NULL,
        kind text NOT NULL,
        resolved_at timestamptz NOT NULL,
        decision_id uuid NOT NULL,
        PRIMARY KEY (case_id, kind)
      )`);
    await runner.query(`ALTER TABLE overdue_item ADD COLUMN resolved_at timestamptz`);
    await runner.query(`ALTER TABLE overdue_item ADD COLUMN resolved_by uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE overdue_item DROP COLUMN resolved_by`);
    await runner.query(`ALTER TABLE overdue_item DROP COLUMN resolved_at`);
    await runner.query(`DROP TABLE clock_resolution`);
    await runner.query(`DROP TABLE case_stage`);
  }
}
