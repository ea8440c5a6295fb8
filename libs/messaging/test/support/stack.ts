import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrate } from '@prp/persistence';
import { testStackEnv, uniqueName } from '@prp/testing';
import { MESSAGING_ENTITIES } from '../../src/lib/entities';
import { CreateMessagingTables1732000000000 } from '../../src/lib/migrations/1732000000000-create-messaging-tables';

/** Integration-test helpers: a throwaway schema in prp_test, throwaway topics, a raw Kafka reader. */
export const stack = testStackEnv();

export interface TestSchema {
  schema: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `msg_test_<random>` with the messaging tables (via the real migration) and the test's own tables. */
export async function createTestSchema(extraSql: string[] = []): Promise<TestSchema> {
  const schema = `msg_test_${randomBytes(5).toString('hex')}`;
  const options = { url: stack.databaseUrl, schema, entities: MESSAGING_ENTITIES, migrations: [CreateMessagingTables1732000000000], applicationName: 'messaging-int-test' };
  await migrate(options);
  const dataSource = await createServiceDataSource(options).initialize();
  for (const sql of extraSql) await dataSource.query(sql);
  return {
    schema,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

const kafka = new Kafka({ clientId: 'messaging-int-test', brokers: stack.kafkaBrokers, logLevel: logLevel.ERROR });

/** A topic of its own for one test (automatic topic creation is off on the broker). */
export async function createTopic(partitions = 1): Promise<{ name: string; remove(): Promise<void> }> {
  const name = uniqueName('msg-test');
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1 }] });
  } finally {
    await admin.disconnect();
  }
  return {
    name,
    remove: async () => {
      const remover = kafka.admin();
      await remover.connect();
      await remover.deleteTopics({ topics: [name] }).finally(() => remover.disconnect());
    },
  };
}

export interface RawRecord {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads a topic from the beginning with plain kafkajs (for the dead-letter topic, whose records are not envelopes). */
export async function readTopic(topic: string): Promise<{ records: RawRecord[]; stop(): Promise<void> }> {
  const records: RawRecord[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: uniqueName('msg-test-reader') });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(Array.isArray(v) ? v[0] : v);
      records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
    },
  });
  return { records, stop: () => consumer.disconnect() };
}
