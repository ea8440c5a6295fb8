import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys of township, county and administrator systems: each covers one area (and everything under it)
 * and a set of scopes. Only the SHA-256 hash of a key is stored; the key itself is shown once, when issued.
 */
export class ApiKeys1732000000440 implements MigrationInterface {
  name = 'ApiKeys1732000000440';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        area_code text NOT NULL CHECK (area_code ~ '^[0-9]{12}$'),
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE api_key`);
  }
}
