import { randomBytes, randomUUID } from 'crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client as PgClient } from 'pg';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { migrate } from '@prp/persistence';
import { HealthController, infrastructureProviders } from '@prp/service-kit';
import { testStackEnv, uniqueName } from '@prp/testing';
import { loadIdentificationConfig, type IdentificationConfig } from '../../../config/identification.config';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS } from '../../../database';
import { approvalControllers, approvalModule } from '../approval.providers';
import { startCaseWorker, type InProcessWorker } from './case-worker';

export const stack = testStackEnv();

/** A failed migration leaves nothing behind (the schema is dropped before the error is rethrown). */
async function migrateOrDrop(options: Parameters<typeof migrate>[0]): Promise<void> {
  try {
    await migrate(options);
  } catch (error) {
    const pg = new PgClient({ connectionString: stack.databaseUrl });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
    await pg.end();
    throw error;
  }
}

/** Identification's config against the test stack, with a task queue of the test's own. */
export function testIdentificationConfig(taskQueue: string, extra: Record<string, string> = {}): IdentificationConfig {
  return loadIdentificationConfig({
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    RELAY_ENABLED: 'false',
    PII_SECRET: randomUUID() + randomUUID(),
    ...extra,
  });
}

/** The approval providers and identification's infrastructure (no relay) on a test schema. */
export function approvalInfrastructure(schema: string, config: IdentificationConfig) {
  const approval = approvalModule(config);
  const infra = infrastructureProviders({
    service: 'identification',
    schema,
    databaseUrl: stack.databaseUrl,
    kafkaBrokers: stack.kafkaBrokers,
    entities: IDENTIFICATION_ENTITIES,
    migrations: IDENTIFICATION_MIGRATIONS,
    relayEnabled: false,
    logLevel: 'error',
    extraHealthChecks: approval.healthChecks,
  });
  return { approval, infra };
}

export interface ApprovalStack {
  app: NestFastifyApplication;
  schema: string;
  taskQueue: string;
  sql<T>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** The approval slices on real PostgreSQL (a throwaway schema), Kafka and Temporal, with a real case worker. */
export async function startApprovalStack(): Promise<ApprovalStack> {
  const schema = `appr_test_${randomBytes(5).toString('hex')}`;
  const taskQueue = uniqueName('approval-int');
  const config = testIdentificationConfig(taskQueue);
  const entities = [...IDENTIFICATION_ENTITIES, ...MESSAGING_ENTITIES];
  await migrateOrDrop({
    url: stack.databaseUrl,
    schema,
    entities,
    migrations: IDENTIFICATION_MIGRATIONS,
    applicationName: 'approval-int',
  });
  const { approval, infra } = approvalInfrastructure(schema, config);
  @Module({ controllers: [HealthController, ...approvalControllers], providers: [...infra, ...approval.providers] })
  class ApprovalIntModule {}
  const worker: InProcessWorker = await startCaseWorker(stack.temporalAddress, stack.temporalNamespace, taskQueue);
  const app = await NestFactory.create<NestFastifyApplication>(ApprovalIntModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const pg = new PgClient({ connectionString: stack.databaseUrl, options: `-c search_path=${schema}` });
  await pg.connect();
  return {
    app,
    schema,
    taskQueue,
    sql: async <T>(text: string, params: unknown[] = []) => (await pg.query(text, params)).rows as T[],
    stop: async () => {
      await app.close();
      await worker.stop();
      await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pg.end();
    },
  };
}
