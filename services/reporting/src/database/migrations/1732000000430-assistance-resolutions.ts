import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assistance overdue items close when the awaited fact arrives (helper assigned or replaced, measures started,
 * visit recorded, monthly report / task closed). assistance_resolution remembers each fact so an overdue event
 * arriving after it is stored already resolved; assistance_helper follows the household's helpers so an
 * assignment that stands in for an unavailable helper counts as that helper's replacement. department_task
 * is each department's task list (status per task).
 */
export class AssistanceResolutions1732000000430 implements MigrationInterface {
  name = 'AssistanceResolutions1732000000430';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE overdue_item
        ADD COLUMN role text,
        ADD COLUMN resolved_on date,
        ADD COLUMN resolved_by_type text`);
    // Items stored before the role column: the role is the last part of the subject key of the helper clocks.
    await runner.query(`
      UPDATE overdue_item SET role = split_part(subject_key, '/', array_length(string_to_array(subject_key, '/'), 1))
      WHERE kind IN ('HELPER_ASSIGNMENT', 'HELPER_REPLACEMENT')
        AND split_part(subject_key, '/', array_length(string_to_array(subject_key, '/'), 1)) IN ('PRIMARY', 'SECOND')`);
    await runner.query(`
      CREATE TABLE assistance_resolution (
        case_id uuid NOT NULL,
        kind text NOT NULL,
        match_key text NOT NULL,
        role text,
        helper_id text,
        task_id text,
        period text,
        period_to text,
        resolved_on date NOT NULL,
        resolved_at timestamptz NOT NULL,
        resolved_by uuid NOT NULL,
        resolved_by_type text NOT NULL,
        PRIMARY KEY (case_id, kind, match_key)
      )`);
    await runner.query(`
      CREATE TABLE assistance_helper (
        case_id uuid NOT NULL,
        helper_id text NOT NULL,
        role text,
        assigned_on date,
        unavailable_since date,
        replaced_on date,
        PRIMARY KEY (case_id, helper_id)
      )`);
    await runner.query(`
      CREATE TABLE department_task (
        task_id text PRIMARY KEY,
        case_id uuid NOT NULL,
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        department text NOT NULL,
        measure text NOT NULL,
        status text NOT NULL,
        created_on date NOT NULL,
        acknowledged_on date,
        last_reported_period text,
        closed_on date
      )`);
    await runner.query(`CREATE INDEX department_task_department_idx ON department_task (department, status)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE department_task`);
    await runner.query(`DROP TABLE assistance_helper`);
    await runner.query(`DROP TABLE assistance_resolution`);
    await runner.query(
      `ALTER TABLE overdue_item DROP COLUMN resolved_by_type, DROP COLUMN resolved_on, DROP COLUMN role`,
    );
  }
}
