import { join } from 'path';
import { assertTestDatabase } from '@prp/persistence';

const repoRoot = join(__dirname, '../../../..');

/** Where the test stack is, from the environment `deploy/local/env.sh` exports, with its defaults. */
export interface TestStackEnv {
  databaseUrl: string;
  kafkaBrokers: string[];
  temporalAddress: string;
  temporalNamespace: string;
  testServerPath: string;
}

export function testStackEnv(): TestStackEnv {
  const pgPort = process.env['PG_PORT'] ?? '55432';
  const databaseUrl = process.env['TEST_DATABASE_URL'] ?? `postgres://prp:prp@127.0.0.1:${pgPort}/prp_test`;
  assertTestDatabase(databaseUrl);
  return {
    databaseUrl,
    kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(','),
    temporalAddress: process.env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    temporalNamespace: process.env['TEMPORAL_TEST_NAMESPACE'] ?? 'prp-test',
    testServerPath: process.env['TEMPORAL_TEST_SERVER_PATH'] ?? join(repoRoot, 'deploy/local/bin/temporal-test-server'),
  };
}

/** A name no other test run uses (consumer groups, case numbers, idempotency keys). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
