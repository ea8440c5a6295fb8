import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The administrative tree and the versioned policy parameters (per region, year and effective date). */
export class AreasAndPolicy1732000000110 implements MigrationInterface {
  name = 'AreasAndPolicy1732000000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE area (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        parent_code text REFERENCES area (code)
      )`);
    await runner.query(`
      CREATE TABLE policy_parameter (
        region_code text NOT NULL,
        year int NOT NULL,
        key text NOT NULL,
        value jsonb NOT NULL,
        effective_from date NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (region_code, year, key, effective_from)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE policy_parameter`);
    await runner.query(`DROP TABLE area`);
  }
}
