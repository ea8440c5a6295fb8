import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitIdentification1732000000100 implements MigrationInterface {
  name = 'InitIdentification1732000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE case_no_seq`);
    await runner.query(`
      CREATE TABLE household_case (
        id uuid PRIMARY KEY,
        case_no text NOT NULL UNIQUE,
        idempotency_key text NOT NULL UNIQUE,
        request_hash text NOT NULL,
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        channel text NOT NULL,
        discovered_on date NOT NULL,
        discovered_by text NOT NULL,
        head_name text NOT NULL,
        member_count int NOT NULL CHECK (member_count > 0),
        status text NOT NULL,
        response_due_date date NOT NULL,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX household_case_area_idx ON household_case (area_code)`);
    await runner.query(`
      CREATE TABLE calendar_override (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
        name text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE calendar_override`);
    await runner.query(`DROP TABLE household_case`);
    await runner.query(`DROP SEQUENCE case_no_seq`);
  }
}
