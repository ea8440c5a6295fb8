import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overdue items about one task, helper or period: a household can owe several monthly reports (one per
 * department task) in the same month, each its own line on the board. subject_key is '' for case-wide clocks.
 */
export class OverdueSubjects1732000000420 implements MigrationInterface {
  name = 'OverdueSubjects1732000000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE overdue_item
        ADD COLUMN subject_key text NOT NULL DEFAULT '',
        ADD COLUMN task_id text,
        ADD COLUMN department text,
        ADD COLUMN helper_id text,
        ADD COLUMN period text`);
    await runner.query(`ALTER TABLE overdue_item DROP CONSTRAINT overdue_item_pkey`);
    await runner.query(`ALTER TABLE overdue_item ADD PRIMARY KEY (case_id, kind, due_date, subject_key)`);
    await runner.query(`CREATE INDEX overdue_item_department_idx ON overdue_item (department) WHERE department IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM overdue_item WHERE subject_key <> ''`);
    await runner.query(`DROP INDEX overdue_item_department_idx`);
    await runner.query(`ALTER TABLE overdue_item DROP CONSTRAINT overdue_item_pkey`);
    await runner.query(`ALTER TABLE overdue_item ADD PRIMARY KEY (case_id, kind, due_date)`);
    await runner.query(`
      ALTER TABLE overdue_item
        DROP COLUMN subject_key, DROP COLUMN task_id, DROP COLUMN department, DROP COLUMN helper_id, DROP COLUMN period`);
  }
}
