import { randomBytes } from 'crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { AnyEnvelope } from '@prp/contracts';
import { idempotent, MESSAGING_ENTITIES } from '@prp/messaging';
import { createServiceDataSource, migrate } from '@prp/persistence';
import { testStackEnv } from '@prp/testing';
import { REPORTING_MIGRATIONS } from '../../../database';
import { projectEvent } from '../project-event';

export interface ProjectionSchema {
  dataSource: () => DataSource;
  /** Projects one event as the read-model consumer would (idempotently, by event id). */
  apply: (event: AnyEnvelope) => Promise<void>;
}

/**
 * Reporting's migrations on a throwaway schema of the real PostgreSQL for the calling `describe`, created before
 * its tests and dropped after them.
 */
export function useProjectionSchema(): ProjectionSchema {
  const stack = testStackEnv();
  const schema = `rpt_test_${randomBytes(5).toString('hex')}`;
  const meta = { topic: 't', partition: 0, offset: '0', key: null };
  let dataSource: DataSource | undefined;
  let handle: ((event: AnyEnvelope, m: typeof meta) => Promise<void>) | undefined;

  beforeAll(async () => {
    const options = {
      url: stack.databaseUrl,
      schema,
      entities: MESSAGING_ENTITIES,
      migrations: REPORTING_MIGRATIONS,
      applicationName: 'reporting-int-test',
    };
    await migrate(options);
    dataSource = await createServiceDataSource(options).initialize();
    handle = idempotent(dataSource, 'reporting-int-test', projectEvent);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  return {
    dataSource: () => {
      if (!dataSource) throw new Error('projection schema not set up yet');
      return dataSource;
    },
    apply: (event) => {
      if (!handle) throw new Error('projection schema not set up yet');
      return handle(event, meta);
    },
  };
}
