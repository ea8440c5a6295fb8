import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts changes after intake (re-screening): every change appends a revision that keeps the facts and the
 * screening it replaced beside the new ones, who changed them, why and with which API key. The decision
 * ledger records the API key behind each row written for an HTTP request (null for rows the workflow or a
 * consumer writes itself, and for rows from before this column). A case in the chain whose new facts no
 * longer qualify carries a warning for the clerk until a later change qualifies it again.
 */
export class FactsRevisions1732000000460 implements MigrationInterface {
  name = 'FactsRevisions1732000000460';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_facts_revision (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES household_case (id),
        revision_no int NOT NULL CHECK (revision_no > 0),
        trigger text NOT NULL CHECK (trigger IN ('FACTS_CHANGED', 'RISK_POINT')),
        idempotency_key text NOT NULL UNIQUE,
        request_hash text NOT NULL,
        previous_facts jsonb,
        previous_screening jsonb,
        previous_status text NOT NULL,
        facts jsonb NOT NULL,
        screening jsonb NOT NULL,
        status text NOT NULL,
        identification_month text NOT NULL,
        reason text NOT NULL,
        changed_by text NOT NULL,
        api_key_id uuid REFERENCES api_key (id),
        response jsonb NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, revision_no)
      )`);
    await runner.query(`
      CREATE FUNCTION case_facts_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '家庭信息变更记录只允许追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await runner.query(`
      CREATE TRIGGER case_facts_revision_append_only BEFORE UPDATE OR DELETE ON case_facts_revision
      FOR EACH ROW EXECUTE FUNCTION case_facts_revision_append_only()`);
    await runner.query(`ALTER TABLE household_case ADD COLUMN screening_warning jsonb`);
    await runner.query(`ALTER TABLE step_decision ADD COLUMN api_key_id uuid REFERENCES api_key (id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE step_decision DROP COLUMN api_key_id`);
    await runner.query(`ALTER TABLE household_case DROP COLUMN screening_warning`);
    await runner.query(`DROP TABLE case_facts_revision`);
    await runner.query(`DROP FUNCTION case_facts_revision_append_only()`);
  }
}
