import { uniqueName, waitFor } from '@prp/testing';
import type { AnyEnvelope } from '@prp/contracts';
import type { EntityManager } from 'typeorm';
import { caseSubmitted } from '../../../test/support/events';
import { createTestSchema, createTopic, stack, type TestSchema } from '../../../test/support/stack';
import { createKafkaBus } from '../kafka/kafka-bus';
import type { MessageBus } from '../message-bus';
import { toOutgoingMessage } from '../outgoing-message';
import { idempotent } from './idempotent';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const EFFECT_TABLE = `CREATE TABLE applied (event_id uuid NOT NULL, case_id uuid NOT NULL)`;
const meta = { topic: 't', partition: 0, offset: '0', key: null };

/** The effect under test: one row per application, so a duplicate shows up as a second row. */
const record = async (manager: EntityManager, event: AnyEnvelope) => {
  await manager.query(`INSERT INTO applied (event_id, case_id) VALUES ($1, $2)`, [event.eventId, event.caseId]);
};

describe('idempotent consumer helper (real PostgreSQL and Kafka)', () => {
  let db: TestSchema;

  beforeAll(async () => {
    db = await createTestSchema([EFFECT_TABLE]);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const applied = async (eventId: string) => (await db.dataSource.query(`SELECT 1 FROM applied WHERE event_id = $1`, [eventId])).length;
  const markers = async (group: string, eventId: string) =>
    (await db.dataSource.query(`SELECT 1 FROM processed_event WHERE consumer_group = $1 AND event_id = $2`, [group, eventId])).length;

  it('applies an event delivered twice (even at the same moment) only once', async () => {
    const handle = idempotent(db.dataSource, 'group-a', record);
    const event = caseSubmitted();
    await Promise.all([handle(event, meta), handle(event, meta)]);
    await handle(event, meta);
    expect(await applied(event.eventId)).toBe(1);
    expect(await markers('group-a', event.eventId)).toBe(1);
  });

  it('lets each consumer group apply the event once', async () => {
    const event = caseSubmitted();
    await idempotent(db.dataSource, 'group-b', record)(event, meta);
    await idempotent(db.dataSource, 'group-c', record)(event, meta);
    expect(await applied(event.eventId)).toBe(2);
  });

  it('rolls the marker back with a failed effect, so the redelivery applies it', async () => {
    const event = caseSubmitted();
    const failing = idempotent(db.dataSource, 'group-d', async (manager, e) => {
      await record(manager, e);
      throw new Error('副作用失败');
    });
    await expect(failing(event, meta)).rejects.toThrow('副作用失败');
    expect(await markers('group-d', event.eventId)).toBe(0);
    expect(await applied(event.eventId)).toBe(0);
    await idempotent(db.dataSource, 'group-d', record)(event, meta);
    expect(await applied(event.eventId)).toBe(1);
  });

  it('applies a duplicated Kafka message once', async () => {
    const bus: MessageBus = createKafkaBus({ brokers: stack.kafkaBrokers, clientId: 'messaging-int-idem', logger: silent });
    const topic = await createTopic();
    try {
      const duplicated = caseSubmitted();
      const barrier = caseSubmitted(duplicated.caseId);
      const send = (e: AnyEnvelope) => ({ ...toOutgoingMessage(e), topic: topic.name });
      await bus.publish([send(duplicated), send(duplicated), send(barrier)]);
      const groupId = uniqueName('msg-test-idem');
      const subscription = await bus.subscribe({ groupId, topics: [topic.name], handle: idempotent(db.dataSource, groupId, record) });
      try {
        await waitFor(async () => (await applied(barrier.eventId)) === 1, { description: 'the event after the duplicate' });
      } finally {
        await subscription.stop();
      }
      expect(await applied(duplicated.eventId)).toBe(1);
      expect(await markers(groupId, duplicated.eventId)).toBe(1);
    } finally {
      await bus.disconnect();
      await topic.remove();
    }
  });
});
