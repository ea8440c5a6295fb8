import { randomUUID } from 'crypto';
import { Client as PgClient } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { toShanghaiDate } from '@prp/calendar';
import { caseWorkflowId, TOPICS, type DeadLetterRecord } from '@prp/contracts';
import { testStackEnv, waitFor } from '@prp/testing';
import { migrateTestDatabase, startPlatformProcess, stopPlatformProcess, type PlatformProcess } from './platform-processes';

jest.setTimeout(240_000);

const stack = testStackEnv();
const VILLAGE = '430281101201';
const daysAgo = (n: number) => toShanghaiDate(new Date(Date.now() - n * 86_400_000));

function household(marker: string, discoveredOn = daysAgo(30)) {
  return { villageCode: VILLAGE, channel: 'CADRE_VISIT', discoveredOn, discoveredBy: marker, household: { headName: '赵铁柱', memberCount: 3 } };
}

async function post(url: string, body: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('walking skeleton through the real PostgreSQL, Kafka and Temporal', () => {
  const processes: PlatformProcess[] = [];
  let db: PgClient;
  let temporal: TemporalClient;
  let identification: string;
  let reporting: string;

  beforeAll(async () => {
    await migrateTestDatabase();
    db = new PgClient({ connectionString: stack.databaseUrl });
    await db.connect();
    temporal = new TemporalClient({ connection: await Connection.connect({ address: stack.temporalAddress }), namespace: stack.temporalNamespace });
    for (const name of ['identification', 'reporting', 'case-worker', 'referral', 'subsidy'] as const) {
      processes.push(await startPlatformProcess(name));
    }
    identification = processes[0].url;
    reporting = processes[1].url;
  });

  afterAll(async () => {
    for (const p of processes) await stopPlatformProcess(p);
    await db?.end();
    await temporal?.connection.close();
  });

  it('reports every service and the worker healthy with their database, Kafka and Temporal checks', async () => {
    for (const p of processes) {
      const response = await fetch(`${p.url}/health`);
      const report = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
      expect({ name: p.name, status: report.status }).toEqual({ name: p.name, status: 'ok' });
      expect(Object.values(report.checks).every((c) => c.status === 'up')).toBe(true);
    }
  });

  it('answers a deadline question with the date and its explanation (National Day 2024)', async () => {
    const response = await fetch(`${identification}/api/v1/calendar/deadline?from=2024-09-27&workingDays=5`);
    const body = (await response.json()) as { dueDate: string; explanation: string };
    expect(response.status).toBe(200);
    expect(body.dueDate).toBe('2024-10-10');
    expect(body.explanation).toContain('国庆');
  });

  it('refuses a household with bad fields, naming each field in Chinese, and stores nothing', async () => {
    const marker = `bad-input-${randomUUID()}`;
    const bad = { ...household(marker), villageCode: '4302', household: { headName: '赵铁柱' } };
    const response = await post(`${identification}/api/v1/cases`, bad, `key-${randomUUID()}`);
    expect(response.status).toBe(400);
    const errors = response.body['errors'] as { field: string; code: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['household.memberCount', 'villageCode']);
    expect(errors.find((e) => e.field === 'household.memberCount')).toMatchObject({ code: 'FIELD.REQUIRED' });
    expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    const stored = await db.query(`SELECT count(*)::int AS n FROM identification.household_case WHERE discovered_by = $1`, [marker]);
    expect(stored.rows[0].n).toBe(0);

    const noKey = await post(`${identification}/api/v1/cases`, household(marker));
    expect(noKey.status).toBe(400);
    expect(noKey.body['errors']).toEqual([expect.objectContaining({ field: 'idempotency-key', code: 'FIELD.REQUIRED' })]);
  });

  it('sends a poison message to the dead-letter topic with its error, and keeps consuming', async () => {
    const kafka = new Kafka({ clientId: 'e2e-dlq-probe', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
    const key = `poison-${randomUUID()}`;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.caseEvents, messages: [{ key, value: '{"this is": "not an event"' }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: `e2e-dlq-reader-${randomUUID()}` });
    const deadLetters: DeadLetterRecord[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === key) deadLetters.push(JSON.parse(String(message.value)) as DeadLetterRecord);
      },
    });
    try {
      // Both consumers of the case topic (reporting and the worker's bridge) dead-letter it, each once.
      await waitFor(() => deadLetters.length >= 2, { timeoutMs: 60_000, description: 'poison message on the dead-letter topic' });
    } finally {
      await consumer.disconnect();
    }
    expect(deadLetters.map((d) => d.consumerGroup).sort()).toEqual(['case-worker-bridge-e2e', 'reporting-e2e']);
    expect(deadLetters[0]).toMatchObject({ originalTopic: TOPICS.caseEvents, value: '{"this is": "not an event"' });
    expect(deadLetters[0].error.message).toBeTruthy();
  });

  it('carries a household from submission to the overdue board, once, however often it is posted', async () => {
    const key = `e2e-${randomUUID()}`;
    const marker = `skeleton-${randomUUID()}`;
    const body = household(marker);
    const [first, again] = [await post(`${identification}/api/v1/cases`, body, key), await post(`${identification}/api/v1/cases`, body, key)];
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ caseId: first.body['caseId'], replayed: true });
    const caseId = first.body['caseId'] as string;
    const due = (first.body['responseDue'] as { dueDate: string }).dueDate;

    const conflicting = await post(`${identification}/api/v1/cases`, { ...body, discoveredBy: 'someone else' }, key);
    expect(conflicting.status).toBe(409);
    expect(conflicting.body['code']).toBe('CASE.IDEMPOTENCY_CONFLICT');

    type Board = { items: { caseId: string; kind: string; dueDate: string; daysOverdue: number; areaCode: string; responsibleLevel: string }[] };
    const item = await waitFor(
      async () => {
        const board = (await (await fetch(`${reporting}/api/v1/overdue?area=${VILLAGE}&limit=500`)).json()) as Board;
        return board.items.find((i) => i.caseId === caseId);
      },
      { timeoutMs: 90_000, intervalMs: 500, description: 'the case on the overdue board' },
    );
    const expectedDays = Math.round((Date.parse(`${toShanghaiDate(new Date())}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
    expect(item).toMatchObject({ kind: 'RESPONSE', dueDate: due, areaCode: VILLAGE, responsibleLevel: 'TOWNSHIP', daysOverdue: expectedDays });
    expect(expectedDays).toBeGreaterThan(0);

    const count = async (sql: string) => (await db.query(sql, [caseId])).rows[0].n as number;
    expect(await count(`SELECT count(*)::int AS n FROM identification.household_case WHERE id = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM identification.outbox_message WHERE envelope->>'caseId' = $1::text AND event_type = 'case.submitted'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM reporting.case_summary WHERE case_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM reporting.overdue_item WHERE case_id = $1`)).toBe(1);

    const workflows = await waitFor(
      async () => {
        const found = [];
        for await (const wf of temporal.workflow.list({ query: `WorkflowId = '${caseWorkflowId(caseId)}'` })) found.push(wf);
        return found.length > 0 && found;
      },
      { timeoutMs: 30_000, description: 'the case workflow in visibility' },
    );
    expect(workflows).toHaveLength(1);
    const state = await temporal.workflow.getHandle(caseWorkflowId(caseId)).query<{ step: string; deadlines: { status: string }[] }>('caseState');
    expect(state).toMatchObject({ step: 'AWAITING_RESPONSE', deadlines: [{ status: 'OVERDUE' }] });
  });

  it('closes the response step when the township records first contact', async () => {
    const created = await post(`${identification}/api/v1/cases`, household(`respond-${randomUUID()}`, daysAgo(0)), `e2e-${randomUUID()}`);
    const caseId = created.body['caseId'] as string;
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    await waitFor(async () => (await handle.describe()).status.name === 'RUNNING', { timeoutMs: 60_000, description: 'workflow started' });
    const responded = await post(`${identification}/api/v1/cases/${caseId}/response`, { respondedBy: '东富镇干部' });
    expect(responded.status).toBe(200);
    await waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { timeoutMs: 60_000, description: 'workflow completed' });
    const result = (await handle.result()) as { step: string; deadlines: { status: string }[] };
    expect(result).toMatchObject({ step: 'RESPONDED', deadlines: [{ status: 'MET' }] });
  });
});
