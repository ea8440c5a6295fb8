import { randomUUID } from 'crypto';
import { TOPICS, type AnyEnvelope } from '@prp/contracts';
import { uniqueName, waitFor } from '@prp/testing';
import { createTestSchema, stack, type TestSchema } from '../../../test/support/stack';
import { caseSubmitted } from '../../../test/support/events';
import { createKafkaBus } from '../kafka/kafka-bus';
import type { MessageBus, MessageMeta } from '../message-bus';
import { addToOutbox } from './add-to-outbox';
import { OutboxRelay } from './outbox-relay';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const CASE_TABLE = `CREATE TABLE test_case (id uuid PRIMARY KEY, status text NOT NULL)`;

describe('transactional outbox (real PostgreSQL and Kafka)', () => {
  let db: TestSchema;
  let bus: MessageBus;

  beforeAll(async () => {
    db = await createTestSchema([CASE_TABLE]);
    bus = createKafkaBus({ brokers: stack.kafkaBrokers, clientId: 'messaging-int-outbox', logger: silent });
    await bus.connect();
  });

  afterAll(async () => {
    await bus?.disconnect();
    await db?.drop();
  });

  const outboxRows = (caseId: string) =>
    db.dataSource.query(`SELECT seq, topic, message_key, event_type, published_at, attempts, last_error FROM outbox_message WHERE message_key = $1 ORDER BY seq`, [caseId]);

  async function submitCase(caseId: string, events: AnyEnvelope[]): Promise<void> {
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO test_case (id, status) VALUES ($1, 'SUBMITTED')`, [caseId]);
      for (const event of events) await addToOutbox(manager, event);
    });
  }

  it('stores the state change and its event together, and a rolled-back transaction leaves neither', async () => {
    const kept = randomUUID();
    await submitCase(kept, [caseSubmitted(kept)]);
    expect(await outboxRows(kept)).toEqual([expect.objectContaining({ topic: TOPICS.caseEvents, message_key: kept, event_type: 'case.submitted', published_at: null })]);

    const rolledBack = randomUUID();
    const failing = db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO test_case (id, status) VALUES ($1, 'SUBMITTED')`, [rolledBack]);
      await addToOutbox(manager, caseSubmitted(rolledBack));
      throw new Error('业务校验失败');
    });
    await expect(failing).rejects.toThrow('业务校验失败');
    expect(await outboxRows(rolledBack)).toEqual([]);
    expect(await db.dataSource.query(`SELECT id FROM test_case WHERE id = $1`, [rolledBack])).toEqual([]);
  });

  it('refuses to write to the outbox outside a transaction', async () => {
    await expect(addToOutbox(db.dataSource.manager, caseSubmitted())).rejects.toMatchObject({ code: 'MESSAGING.OUTBOX_OUTSIDE_TRANSACTION' });
  });

  it('relays the events in order; a consumer receives them keyed by the case id', async () => {
    const caseId = randomUUID();
    const events = [caseSubmitted(caseId), caseSubmitted(caseId), caseSubmitted(caseId)];
    await submitCase(caseId, events);
    const received: { envelope: AnyEnvelope; meta: MessageMeta }[] = [];
    const subscription = await bus.subscribe({
      groupId: uniqueName('msg-test-outbox'),
      topics: [TOPICS.caseEvents],
      handle: async (envelope, meta) => void (envelope.caseId === caseId && received.push({ envelope, meta })),
    });
    try {
      const relay = new OutboxRelay({ dataSource: db.dataSource, publisher: bus, logger: silent, batchSize: 2 });
      relay.start();
      await waitFor(() => received.length === 3, { timeoutMs: 30_000, description: 'the three relayed events' });
      await relay.stop();
      expect(received.map((r) => r.envelope.eventId)).toEqual(events.map((e) => e.eventId));
      expect(received.every((r) => r.meta.key === caseId && r.meta.topic === TOPICS.caseEvents)).toBe(true);
      const rows = await outboxRows(caseId);
      expect(rows.every((r: { published_at: Date | null; attempts: number }) => r.published_at !== null && r.attempts === 1)).toBe(true);
    } finally {
      await subscription.stop();
    }
  });

  it('publishes each row once when two relays run at the same time', async () => {
    const caseId = randomUUID();
    await submitCase(caseId, Array.from({ length: 30 }, () => caseSubmitted(caseId)));
    const relays = [1, 2].map(() => new OutboxRelay({ dataSource: db.dataSource, publisher: bus, logger: silent, batchSize: 7 }));
    let total = 0;
    while ((await outboxRows(caseId)).some((r: { published_at: Date | null }) => r.published_at === null)) {
      const counts = await Promise.all(relays.map((r) => r.relayOnce()));
      total += counts.reduce((a, b) => a + b, 0);
    }
    expect(total).toBe(30);
    expect((await outboxRows(caseId)).map((r: { attempts: number }) => r.attempts)).toEqual(Array(30).fill(1));
  });

  it('keeps a row unpublished with its attempts and error while Kafka is unreachable', async () => {
    const caseId = randomUUID();
    await submitCase(caseId, [caseSubmitted(caseId)]);
    const deadBus = createKafkaBus({ brokers: ['127.0.0.1:1'], clientId: 'messaging-int-dead', logger: silent, connectionTimeoutMs: 500 });
    const relay = new OutboxRelay({ dataSource: db.dataSource, publisher: deadBus, logger: silent });
    try {
      await expect(relay.relayOnce()).rejects.toMatchObject({ code: 'MESSAGING.PUBLISH_FAILED' });
    } finally {
      await deadBus.disconnect();
    }
    const [row] = await outboxRows(caseId);
    expect(row).toMatchObject({ published_at: null, attempts: 1, last_error: expect.any(String) });
    await waitFor(async () => (await relayWithRealBus()) > 0, { description: 'the row relayed once Kafka is reachable' });
    expect((await outboxRows(caseId))[0]).toMatchObject({ attempts: 2, last_error: null });
  });

  const relayWithRealBus = () => new OutboxRelay({ dataSource: db.dataSource, publisher: bus, logger: silent }).relayOnce();
});
