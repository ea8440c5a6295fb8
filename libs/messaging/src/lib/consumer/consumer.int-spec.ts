import { randomUUID } from 'crypto';
import { TOPICS, type AnyEnvelope, type DeadLetterRecord } from '@prp/contracts';
import { uniqueName, waitFor } from '@prp/testing';
import { caseSubmitted } from '../../../test/support/events';
import { createTopic, readTopic, stack, type RawRecord } from '../../../test/support/stack';
import { createKafkaBus } from '../kafka/kafka-bus';
import type { MessageBus, OutgoingMessage } from '../message-bus';
import { toOutgoingMessage } from '../outgoing-message';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

interface DeadLetterSeen {
  record: DeadLetterRecord;
  headers: Record<string, string>;
  key: string | null;
}

describe('consumer with dead-lettering (real Kafka)', () => {
  let bus: MessageBus;
  let topic: { name: string; remove(): Promise<void> };
  let deadLetters: { records: RawRecord[]; stop(): Promise<void> };

  beforeAll(async () => {
    bus = createKafkaBus({ brokers: stack.kafkaBrokers, clientId: 'messaging-int-consumer', logger: silent });
    await bus.connect();
    topic = await createTopic();
    deadLetters = await readTopic(TOPICS.deadLetter);
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await bus?.disconnect();
    await topic?.remove();
  });

  /** Dead letters of this test's topic and group, as records with their headers. */
  const deadLettersOf = (groupId: string): DeadLetterSeen[] =>
    deadLetters.records
      .map((r) => ({ record: JSON.parse(r.value ?? 'null') as DeadLetterRecord, headers: r.headers, key: r.key }))
      .filter(({ record }) => record?.originalTopic === topic.name && record.consumerGroup === groupId);

  const onTopic = (event: AnyEnvelope): OutgoingMessage => ({ ...toOutgoingMessage(event), topic: topic.name });

  it('dead-letters a non-JSON and a contract-breaking message with their errors, then handles the next good one', async () => {
    const key = randomUUID();
    const good = caseSubmitted(key);
    const badContract = JSON.stringify({ ...caseSubmitted(key), caseId: 'not-a-uuid' });
    await bus.publish([
      { topic: topic.name, key, value: '这不是JSON{' },
      { topic: topic.name, key, value: badContract, headers: { 'event-type': 'case.submitted' } },
      onTopic(good),
    ]);
    const groupId = uniqueName('msg-test-poison');
    const handled: AnyEnvelope[] = [];
    const subscription = await bus.subscribe({ groupId, topics: [topic.name], handle: async (e) => void handled.push(e) });
    try {
      await waitFor(() => handled.length === 1 && deadLettersOf(groupId).length === 2, { description: 'two dead letters and one handled event' });
    } finally {
      await subscription.stop();
    }
    expect(handled[0]).toEqual(good);
    const [notJson, violation] = deadLettersOf(groupId) as [DeadLetterSeen, DeadLetterSeen];
    expect(notJson.key).toBe(key);
    expect(notJson.record).toMatchObject({ value: '这不是JSON{', key, partition: 0, error: { code: 'MESSAGING.INVALID_JSON' } });
    expect(notJson.headers).toMatchObject({ 'original-topic': topic.name, 'original-partition': '0', 'original-offset': notJson.record.offset });
    expect(violation.record.value).toBe(badContract);
    expect(violation.record.error).toMatchObject({ code: 'CONTRACT.VIOLATION', issues: [expect.objectContaining({ path: 'caseId' })] });
    expect(BigInt(violation.record.offset)).toBe(BigInt(notJson.record.offset) + 1n);
  });

  it('dead-letters a message whose handler keeps failing after maxAttempts, and goes on with the next', async () => {
    const failing = caseSubmitted();
    const next = caseSubmitted();
    await bus.publish([onTopic(failing), onTopic(next)]);
    const groupId = uniqueName('msg-test-failing');
    const attempts = new Map<string, number>();
    const handle = async (e: AnyEnvelope) => {
      attempts.set(e.eventId, (attempts.get(e.eventId) ?? 0) + 1);
      if (e.eventId === failing.eventId) throw Object.assign(new Error('下游服务不可用'), { code: 'TEST.DOWNSTREAM' });
    };
    const subscription = await bus.subscribe({ groupId, topics: [topic.name], handle, maxAttempts: 3, retryBackoffMs: 50 });
    try {
      const failed = () => deadLettersOf(groupId).filter((d) => d.key === failing.caseId);
      await waitFor(() => attempts.get(next.eventId) === 1 && failed().length === 1, { description: 'the failing event dead-lettered and the next handled' });
    } finally {
      await subscription.stop();
    }
    expect(attempts.get(failing.eventId)).toBe(3);
    const [{ record }] = deadLettersOf(groupId).filter((d) => d.key === failing.caseId) as [DeadLetterSeen];
    expect(record.error).toEqual({ code: 'TEST.DOWNSTREAM', message: '消息处理失败（已尝试3次）：下游服务不可用' });
    expect(JSON.parse(record.value ?? 'null')).toEqual(failing);
  });

  it('commits what it handled: the same group resumes after the last message instead of replaying', async () => {
    const groupId = uniqueName('msg-test-resume');
    const seen: string[] = [];
    const first = caseSubmitted();
    await bus.publish([onTopic(first)]);
    const one = await bus.subscribe({ groupId, topics: [topic.name], handle: async (e) => void seen.push(e.eventId) });
    await waitFor(() => seen.includes(first.eventId), { description: 'the first event' });
    await one.stop();

    const second = caseSubmitted();
    await bus.publish([onTopic(second)]);
    const resumed: string[] = [];
    const two = await bus.subscribe({ groupId, topics: [topic.name], handle: async (e) => void resumed.push(e.eventId) });
    try {
      await waitFor(() => resumed.includes(second.eventId), { description: 'the second event after resuming' });
    } finally {
      await two.stop();
    }
    expect(resumed).toEqual([second.eventId]);
  });

  it('reports a healthy broker, and an unreachable one within the timeout', async () => {
    await expect(bus.checkHealth()).resolves.toBeUndefined();
    const dead = createKafkaBus({ brokers: ['127.0.0.1:1'], clientId: 'messaging-int-dead', logger: silent, healthTimeoutMs: 2_000 });
    const started = Date.now();
    await expect(dead.checkHealth()).rejects.toMatchObject({ code: 'MESSAGING.BROKER_UNREACHABLE' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await dead.disconnect();
  });
});
