import { randomBytes } from 'crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { TOPICS } from '@prp/contracts';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { migrate } from '@prp/persistence';
import { HealthController } from '@prp/service-kit';
import { testStackEnv, uniqueName } from '@prp/testing';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS } from '../../../database';
import { approvalControllers } from '../../approval/approval.providers';
import { approvalInfrastructure, testIdentificationConfig } from '../../approval/test/approval-stack';
import { startCaseWorker, type InProcessWorker } from '../../approval/test/case-worker';
import { areaProviders } from '../../areas/areas.providers';
import { PolicyController } from '../../policy/policy.controller';
import { PolicyService } from '../../policy/policy.service';
import { visitFeedbackProviders } from '../visit-feedback.providers';

export const stack = testStackEnv();
const kafka = new Kafka({ clientId: 'visit-feedback-it', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });

/**
 * Commits a new consumer group at the end of a topic, so it reads only what this run publishes (a new group
 * otherwise replays the shared topic from the beginning: other runs' visits of cases this schema never had).
 */
export async function startAtEnd(groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
    });
  } finally {
    await admin.disconnect();
  }
}

export interface RawRecord {
  key: string | null;
  value: string;
}

/** Everything published on `topic` from now on (plain kafkajs: dead letters are not envelopes). */
export async function recordTopic(topic: string): Promise<{ records: RawRecord[]; stop(): Promise<void> }> {
  const groupId = uniqueName('visit-feedback-reader');
  await startAtEnd(groupId, topic);
  const records: RawRecord[] = [];
  const consumer: Consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' });
    },
  });
  return { records, stop: () => consumer.disconnect() };
}

export interface VisitFeedbackStack {
  app: NestFastifyApplication;
  consumerGroup: string;
  producer: Producer;
  sql<T>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** Identification's approval, policy and visit-feedback slices on a throwaway schema, with a real case worker. */
export async function startVisitFeedbackStack(): Promise<VisitFeedbackStack> {
  const schema = `visit_fb_test_${randomBytes(5).toString('hex')}`;
  const taskQueue = uniqueName('visit-feedback-int');
  const consumerGroup = uniqueName('identification-visit-feedback-it');
  const config = testIdentificationConfig(taskQueue, { IDENTIFICATION_CONSUMER_GROUP: consumerGroup });
  const pg = new PgClient({ connectionString: stack.databaseUrl, options: `-c search_path=${schema}` });
  await pg.connect();
  const dropSchema = () => pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const entities = [...IDENTIFICATION_ENTITIES, ...MESSAGING_ENTITIES];
  await migrate({
    url: stack.databaseUrl,
    schema,
    entities,
    migrations: IDENTIFICATION_MIGRATIONS,
    applicationName: 'visit-fb-int',
  });
  const { approval, infra } = approvalInfrastructure(schema, config);
  @Module({
    controllers: [HealthController, PolicyController, ...approvalControllers],
    providers: [...infra, ...approval.providers, PolicyService, ...areaProviders, ...visitFeedbackProviders(config)],
  })
  class VisitFeedbackIntModule {}
  await startAtEnd(consumerGroup, TOPICS.assistanceEvents);
  const worker: InProcessWorker = await startCaseWorker(stack.temporalAddress, stack.temporalNamespace, taskQueue);
  const app = await NestFactory.create<NestFastifyApplication>(VisitFeedbackIntModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return {
    app,
    consumerGroup,
    producer,
    sql: async <T>(text: string, params: unknown[] = []) => (await pg.query(text, params)).rows as T[],
    stop: async () => {
      await producer.disconnect();
      await app.close();
      await worker.stop();
      await dropSchema();
      await pg.end();
    },
  };
}
