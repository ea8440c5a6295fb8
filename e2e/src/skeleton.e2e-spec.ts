import { randomUUID } from 'crypto';
import type { Client as PgClient } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { toShanghaiDate } from '@prp/calendar';
import { caseWorkflowId, TOPICS, type DeadLetterRecord } from '@prp/contracts';
import { testStackEnv, waitFor } from '@prp/testing';
import { daysAgo, household, post, request, VILLAGE } from './fixtures';
import { startPlatform, type Platform } from './platform';
import { E2E_CONSUMER_GROUPS } from './platform-processes';

jest.setTimeout(240_000);

const stack = testStackEnv();

describe('walking skeleton through the real PostgreSQL, Kafka and Temporal', () => {
  let platform: Platform;
  let db: PgClient;
  let temporal: TemporalClient;
  let identification: string;
  let reporting: string;

  beforeAll(async () => {
    platform = await startPlatform(['identification', 'reporting', 'case-worker', 'referral', 'subsidy']);
    db = platform.db;
    identification = platform.url('identification');
    reporting = platform.url('reporting');
    temporal = new TemporalClient({
      connection: await Connection.connect({ address: stack.temporalAddress }),
      namespace: stack.temporalNamespace,
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await temporal?.connection.close();
  });

  it('reports every service and the worker healthy with their database, Kafka and Temporal checks', async () => {
    for (const p of platform.processes) {
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

  it('refuses a submission without an area key, and one into a village outside the key area', async () => {
    const body = household(`no-key-${randomUUID()}`);
    const headers = { 'idempotency-key': `e2e-${randomUUID()}` };
    const anonymous = await request('POST', `${identification}/api/v1/cases`, body, { ...headers, 'x-api-key': '' });
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'AUTH.KEY_REQUIRED' } });
    const outside = { ...body, villageCode: '430281102201' };
    const elsewhere = await post(`${identification}/api/v1/cases`, outside, headers['idempotency-key']);
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'AUTH.OUTSIDE_AREA' } });
  });

  it('refuses a household with bad fields, naming each field in Chinese, and stores nothing', async () => {
    const marker = `bad-input-${randomUUID()}`;
    const good = household(marker);
    const [head, ...others] = good.household.members;
    const badHousehold = {
      ...good.household,
      members: [
        { ...head, idCardNumber: `${head.idCardNumber.slice(0, 17)}${head.idCardNumber[17] === '0' ? '1' : '0'}` },
        ...others,
      ],
      incomes: [{ type: 'WAGE', month: '2025-01', amountFen: -100 }],
      guarantees: undefined,
    };
    const response = await post(
      `${identification}/api/v1/cases`,
      { ...good, villageCode: '4302', household: badHousehold },
      `key-${randomUUID()}`,
    );
    expect(response.status).toBe(400);
    const errors = response.body['errors'] as { field: string; code: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual([
      'household.guarantees',
      'household.incomes.0.amountFen',
      'household.members.0.idCardNumber',
      'villageCode',
    ]);
    expect(errors.find((e) => e.field === 'household.guarantees')).toMatchObject({ code: 'FIELD.REQUIRED' });
    expect(errors.find((e) => e.field === 'household.members.0.idCardNumber')).toMatchObject({
      code: 'ID_CARD.CHECKSUM',
    });
    expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    const stored = await db.query(
      `SELECT count(*)::int AS n FROM identification.household_case WHERE discovered_by = $1`,
      [marker],
    );
    expect(stored.rows[0].n).toBe(0);

    const noKey = await post(`${identification}/api/v1/cases`, household(marker));
    expect(noKey.status).toBe(400);
    expect(noKey.body['errors']).toEqual([
      expect.objectContaining({ field: 'idempotency-key', code: 'FIELD.REQUIRED' }),
    ]);
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
      // Every consumer of the case topic (reporting, the worker's bridge, referral) dead-letters it, each once.
      await waitFor(() => deadLetters.length >= 3, {
        timeoutMs: 60_000,
        description: 'poison message on the dead-letter topic',
      });
    } finally {
      await consumer.disconnect();
    }
    expect(deadLetters.map((d) => d.consumerGroup).sort()).toEqual(
      [E2E_CONSUMER_GROUPS.bridge, E2E_CONSUMER_GROUPS.referral, E2E_CONSUMER_GROUPS.reporting].sort(),
    );
    expect(deadLetters[0]).toMatchObject({ originalTopic: TOPICS.caseEvents, value: '{"this is": "not an event"' });
    expect(deadLetters[0].error.message).toBeTruthy();
  });

  it('carries a household from submission to the overdue board, once, however often it is posted', async () => {
    const key = `e2e-${randomUUID()}`;
    const marker = `skeleton-${randomUUID()}`;
    const body = household(marker);
    const [first, again] = [
      await post(`${identification}/api/v1/cases`, body, key),
      await post(`${identification}/api/v1/cases`, body, key),
    ];
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ caseId: first.body['caseId'], replayed: true });
    const caseId = first.body['caseId'] as string;
    const due = (first.body['responseDue'] as { dueDate: string }).dueDate;

    const conflicting = await post(`${identification}/api/v1/cases`, { ...body, discoveredBy: 'someone else' }, key);
    expect(conflicting.status).toBe(409);
    expect(conflicting.body['code']).toBe('CASE.IDEMPOTENCY_CONFLICT');

    type Board = {
      items: {
        caseId: string;
        kind: string;
        dueDate: string;
        daysOverdue: number;
        areaCode: string;
        responsibleLevel: string;
      }[];
    };
    const item = await waitFor(
      async () => {
        const board = (await (await fetch(`${reporting}/api/v1/overdue?area=${VILLAGE}&limit=500`)).json()) as Board;
        return board.items.find((i) => i.caseId === caseId);
      },
      { timeoutMs: 90_000, intervalMs: 500, description: 'the case on the overdue board' },
    );
    const expectedDays = Math.round(
      (Date.parse(`${toShanghaiDate(new Date())}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000,
    );
    expect(item).toMatchObject({
      kind: 'RESPONSE',
      dueDate: due,
      areaCode: VILLAGE,
      responsibleLevel: 'TOWNSHIP',
      daysOverdue: expectedDays,
    });
    expect(expectedDays).toBeGreaterThan(0);

    const count = async (sql: string) => (await db.query(sql, [caseId])).rows[0].n as number;
    expect(await count(`SELECT count(*)::int AS n FROM identification.household_case WHERE id = $1`)).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM identification.outbox_message WHERE envelope->>'caseId' = $1::text AND event_type = 'case.submitted'`,
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM reporting.case_summary WHERE case_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM reporting.overdue_item WHERE case_id = $1 AND kind = 'RESPONSE'`)).toBe(1);

    const workflows = await waitFor(
      async () => {
        const found = [];
        for await (const wf of temporal.workflow.list({ query: `WorkflowId = '${caseWorkflowId(caseId)}'` }))
          found.push(wf);
        return found.length > 0 && found;
      },
      { timeoutMs: 30_000, description: 'the case workflow in visibility' },
    );
    expect(workflows).toHaveLength(1);
    const state = await temporal.workflow
      .getHandle(caseWorkflowId(caseId))
      .query<{ step: string; deadlines: { kind: string; status: string }[] }>('caseState');
    expect(state.step).toBe('AWAITING_RESPONSE');
    expect(state.deadlines[0]).toMatchObject({ kind: 'RESPONSE', status: 'OVERDUE' });
  });

  it('screens at intake: a household above the line is recorded as screened, with reasons, and starts nothing', async () => {
    const created = await post(
      `${identification}/api/v1/cases`,
      household(`screened-${randomUUID()}`, daysAgo(3), 60_000),
      `e2e-${randomUUID()}`,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'SCREENED_OUT',
      screening: { qualifies: false, disposition: 'SCREENED_OUT' },
    });
    expect(created.body['responseDue']).toBeUndefined();
    const screening = created.body['screening'] as {
      reasons: string[];
      policyVersion: string;
      perCapitaIncomeFen: number;
    };
    expect(screening.perCapitaIncomeFen).toBe(2_000_000);
    expect(screening.reasons[0]).toBe('人均纯收入20000.00元不低于监测线6500.00元');
    expect(screening.policyVersion).toMatch(/^\d{4}\//);
    const events = await db.query(
      `SELECT count(*)::int AS n FROM identification.outbox_message WHERE envelope->>'caseId' = $1::text`,
      [created.body['caseId']],
    );
    expect(events.rows[0].n).toBe(0);
  });

  it('links a household whose member is already in an open case as a suspected duplicate, without a second workflow', async () => {
    const firstBody = household(`dup-a-${randomUUID()}`, daysAgo(2));
    const first = await post(`${identification}/api/v1/cases`, firstBody, `e2e-${randomUUID()}`);
    expect(first.body).toMatchObject({ status: 'SUSPECTED', screening: { category: 'MARGINAL', colour: 'YELLOW' } });
    const caseId = first.body['caseId'] as string;
    const stored = (
      await db.query(`SELECT facts::text AS facts FROM identification.household_case WHERE id = $1`, [caseId])
    ).rows[0];
    expect(stored.facts).not.toContain(firstBody.household.members[1].idCardNumber); // no ID number in clear at rest

    // The same spouse appears in a second submission from another clerk.
    const secondBody = household(`dup-b-${randomUUID()}`, daysAgo(1));
    secondBody.household.members[1] = firstBody.household.members[1];
    const second = await post(`${identification}/api/v1/cases`, secondBody, `e2e-${randomUUID()}`);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ status: 'DUPLICATE_SUSPECTED', duplicateOf: caseId });
    const events = await db.query(
      `SELECT count(*)::int AS n FROM identification.outbox_message WHERE envelope->>'caseId' = $1::text`,
      [second.body['caseId']],
    );
    expect(events.rows[0].n).toBe(0);
  });

  it('closes the response step when the township records first contact', async () => {
    const created = await post(
      `${identification}/api/v1/cases`,
      household(`respond-${randomUUID()}`, daysAgo(0)),
      `e2e-${randomUUID()}`,
    );
    const caseId = created.body['caseId'] as string;
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    await waitFor(async () => (await handle.describe()).status.name === 'RUNNING', {
      timeoutMs: 60_000,
      description: 'workflow started',
    });
    const responded = await post(`${identification}/api/v1/cases/${caseId}/response`, { respondedBy: '东富镇干部' });
    expect(responded.status).toBe(200);
    // First contact closes the response clock and the case goes on to home verification.
    const state = await waitFor(
      async () => {
        const current = await handle.query<{ step: string; deadlines: { kind: string; status: string }[] }>('caseState');
        return current.step === 'HOME_VERIFICATION' && current;
      },
      { timeoutMs: 60_000, description: 'the response applied by the workflow' },
    );
    expect(state.deadlines.find((d) => d.kind === 'RESPONSE')).toMatchObject({ status: 'MET' });
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
