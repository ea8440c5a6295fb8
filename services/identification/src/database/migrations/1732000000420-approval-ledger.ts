import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approval chain's own tables, keyed by case id: the append-only decision ledger, each case's
 * progress (mirror of the workflow's step) and the notifications the village committee reads to households.
 */
export class ApprovalLedger1732000000420 implements MigrationInterface {
  name = 'ApprovalLedger1732000000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE step_decision (
        seq bigserial PRIMARY KEY,
        decision_id uuid NOT NULL UNIQUE,
        case_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('STEP', 'RISK_POINT')),
        step text,
        result text,
        department text,
        actor text NOT NULL,
        decided_at timestamptz NOT NULL,
        reason text,
        attachments jsonb NOT NULL DEFAULT '[]',
        batch text,
        flow_version text,
        resulting_step text NOT NULL,
        outcome text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX step_decision_case_idx ON step_decision (case_id, seq)`);
    await runner.query(`
      CREATE FUNCTION step_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '决策台账只允许追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await runner.query(`
      CREATE TRIGGER step_decision_append_only BEFORE UPDATE OR DELETE ON step_decision
      FOR EACH ROW EXECUTE FUNCTION step_decision_append_only()`);
    await runner.query(`
      CREATE TABLE case_progress (
        case_id uuid PRIMARY KEY,
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        current_step text NOT NULL,
        outcome text CHECK (outcome IN ('INCLUDED', 'REJECTED')),
        flow_version text,
        last_decision_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX case_progress_step_idx ON case_progress (current_step, area_code text_pattern_ops)`,
    );
    await runner.query(`
      CREATE TABLE household_notification (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE,
        outcome text NOT NULL CHECK (outcome IN ('INCLUDED', 'REJECTED')),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        delivered_by text
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE household_notification`);
    await runner.query(`DROP TABLE case_progress`);
    await runner.query(`DROP TABLE step_decision`);
    await runner.query(`DROP FUNCTION step_decision_append_only()`);
  }
}
