import { randomBytes, randomInt, randomUUID } from 'crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createEnvelope,
  departmentTaskTopic,
  parseEnvelope,
  TOPICS,
  type AnyEnvelope,
  type DeadLetterRecord,
} from '@prp/contracts';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { migrate } from '@prp/persistence';
import { createServiceApp } from '@prp/service-kit';
import { testStackEnv, uniqueName, waitFor } from '@prp/testing';
import { loadReferralConfig } from '../config/referral.config';
import { REFERRAL_MIGRATIONS } from '../database';
import { ReferralModule } from '../referral.module';

const stack = testStackEnv();
const PORT = 3600;
const BASE = `http://127.0.0.1:${PORT}`;
/**
 * A county of this run only: the new consumer group replays the whole case topic (earlier runs and other
 * suites included), and households of other areas must never take this run's cadres.
 */
const COUNTY = `65${randomInt(1000, 10000)}`;
const VILLAGE = `${COUNTY}101201`;
const TOWNSHIP = `${COUNTY}101000`;
const LATE_VILLAGE = `${COUNTY}102201`;
const LATE_TOWNSHIP = `${COUNTY}102000`;
const ADMIN_TOKEN = randomBytes(24).toString('hex');

interface Seen {
  topic: string;
  key: string | null;
  value: string;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function decided(caseId: string, eventId = randomUUID()) {
  return createEnvelope({
    type: 'case.decided',
    eventId,
    caseId,
    areaCode: VILLAGE,
    producer: 'identification',
    payload: {
      outcome: 'INCLUDED',
      decidedAt: '2026-11-30T10:00:00+08:00',
      decidedAtLevel: 'COUNTY_APPROVAL',
      decisionId: randomUUID(),
    },
  });
}

describe('referral service against the real PostgreSQL and Kafka', () => {
  const schema = `referral_it_${randomBytes(5).toString('hex')}`;
  const consumerGroup = uniqueName('referral-it');
  const kafka = new Kafka({ clientId: 'referral-it', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
  const seen: Seen[] = [];
  let app: NestFastifyApplication;
  let producer: Producer;
  let reader: Consumer;

  const events = (caseId: string) =>
    seen
      .filter((m) => m.topic === TOPICS.assistanceEvents && m.key === caseId)
      .map((m) => JSON.parse(m.value) as AnyEnvelope);
  const waitForEvent = (caseId: string, type: string) =>
    waitFor(() => events(caseId).find((e) => e.type === type), { description: `${type} for ${caseId}` });
  const put = (topic: string, key: string, value: string) => producer.send({ topic, messages: [{ key, value }] });

  beforeAll(async () => {
    await migrate({
      url: stack.databaseUrl,
      schema,
      entities: MESSAGING_ENTITIES,
      migrations: REFERRAL_MIGRATIONS,
      applicationName: 'referral-it',
    });
    const config = loadReferralConfig({
      DATABASE_URL: stack.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      REFERRAL_CONSUMER_GROUP: consumerGroup,
      REFERRAL_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'error',
    });
    app = await createServiceApp(ReferralModule.forRoot(config, { schema }), {
      service: 'referral',
      title: 'referral',
      description: 'integration test',
      host: '127.0.0.1',
      port: PORT,
      logLevel: 'error',
    });
    await app.listen(PORT, '127.0.0.1');
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    reader = kafka.consumer({ groupId: uniqueName('referral-it-reader') });
    await reader.connect();
    await reader.subscribe({
      topics: [
        TOPICS.assistanceEvents,
        TOPICS.deadLetter,
        departmentTaskTopic('CIVIL_AFFAIRS'),
        departmentTaskTopic('HEALTH'),
        departmentTaskTopic('EDUCATION'),
      ],
      fromBeginning: true,
    });
    await reader.run({
      eachMessage: async ({ topic, message }) => {
        seen.push({ topic, key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' });
      },
    });
  });

  afterAll(async () => {
    await reader?.disconnect();
    await producer?.disconnect();
    await app?.close();
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const newHelper = async (name: string, patch: Record<string, unknown> = {}) => {
    const res = await call('POST', '/api/v1/helpers', {
      name,
      level: 'VILLAGE',
      unit: '新疆测试村委会',
      areaCode: VILLAGE,
      capacity: 2,
      ...patch,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const includeHousehold = async () => {
    const caseId = randomUUID();
    const event = decided(caseId);
    await put(TOPICS.caseEvents, caseId, JSON.stringify(event));
    const record = await waitFor(
      async () => {
        const res = await call('GET', `/api/v1/assistance/${caseId}`);
        return res.status === 200 && res.body.helpers.length > 0 ? res.body : undefined;
      },
      { description: `assistance record with a helper for ${caseId}` },
    );
    return { caseId, event, record };
  };
  const departmentKey = async (department: string) => {
    const res = await call(
      'POST',
      '/api/v1/admin/department-keys',
      { department, label: `${department} 测试系统` },
      { 'x-admin-token': ADMIN_TOKEN },
    );
    expect(res.status).toBe(201);
    return res.body.apiKey as string;
  };

  it('opens an assistance record with a helper for an INCLUDED case.decided put on the case topic, once however often it arrives', async () => {
    const helperId = await newHelper('张帮扶');
    const { caseId, event, record } = await includeHousehold();
    expect(record).toMatchObject({ caseId, status: 'ASSISTED', areaCode: VILLAGE, includedOn: '2026-11-30' });
    expect(record.helpers).toEqual([
      expect.objectContaining({ helperId, role: 'PRIMARY', level: 'VILLAGE', name: '张帮扶' }),
    ]);

    const assigned = await waitForEvent(caseId, 'helper.assigned');
    expect(assigned.payload).toMatchObject({ helperId, role: 'PRIMARY', level: 'VILLAGE' });

    // The same event again, and a second inclusion event for the same household: still one record, one helper.
    await put(TOPICS.caseEvents, caseId, JSON.stringify(event));
    await put(TOPICS.caseEvents, caseId, JSON.stringify(decided(caseId)));
    const marker = randomUUID();
    await put(TOPICS.caseEvents, marker, JSON.stringify(decided(marker)));
    await waitFor(async () => (await call('GET', `/api/v1/assistance/${marker}`)).status === 200, {
      description: 'the marker case',
    });
    const after = await call('GET', `/api/v1/assistance/${caseId}`);
    expect(after.body.helpers).toHaveLength(1);
    expect(events(caseId).filter((e) => e.type === 'helper.assigned')).toHaveLength(1);
    const helpers = await call('GET', `/api/v1/helpers?areaCode=${VILLAGE}`);
    expect(helpers.body.items.find((h: { id: string }) => h.id === helperId).activeHouseholds).toBe(2);
    await expect(call('GET', `/api/v1/assistance/without-helper?areaCode=${TOWNSHIP}`)).resolves.toMatchObject({
      body: { count: 0 },
    });
  });

  it('sends a poison message on the case topic to the dead-letter topic with its error', async () => {
    const key = randomUUID();
    await put(TOPICS.caseEvents, key, '{"type": "case.decided", not json');
    const letter = await waitFor(
      () =>
        seen.find(
          (m) =>
            m.topic === TOPICS.deadLetter &&
            m.key === key &&
            (JSON.parse(m.value) as DeadLetterRecord).consumerGroup === consumerGroup,
        ),
      { description: 'dead letter' },
    );
    expect(JSON.parse(letter.value)).toMatchObject({
      originalTopic: TOPICS.caseEvents,
      error: { code: 'MESSAGING.INVALID_JSON' },
    });
  });

  it('turns a plan of three measures into three tasks on three department topics and by REST, each department only its own', async () => {
    await newHelper('李帮扶');
    const { caseId } = await includeHousehold();
    const plan = await call('POST', `/api/v1/assistance/${caseId}/plans`, {
      agreedOn: '2026-12-01',
      recordedBy: '李帮扶',
      householdConsent: '户主签字确认',
      needs: [
        { need: '收入低于监测线', measure: 'DIBAO' },
        { need: '慢性病自付费用高', measure: 'HEALTH' },
        { need: '子女上学费用', measure: 'EDUCATION' },
      ],
    });
    expect(plan.status).toBe(201);
    expect(plan.body.tasks.map((t: { department: string }) => t.department).sort()).toEqual([
      'CIVIL_AFFAIRS',
      'EDUCATION',
      'HEALTH',
    ]);
    const taskOf = (department: string) =>
      plan.body.tasks.find((t: { department: string }) => t.department === department).taskId as string;

    // A plain kafkajs consumer reads one well-formed task.created per department topic.
    for (const department of ['CIVIL_AFFAIRS', 'HEALTH', 'EDUCATION']) {
      const message = await waitFor(
        () => seen.find((m) => m.topic === departmentTaskTopic(department as 'HEALTH') && m.key === caseId),
        {
          description: `task on ${departmentTaskTopic(department as 'HEALTH')}`,
        },
      );
      const envelope = parseEnvelope(JSON.parse(message.value));
      expect(envelope).toMatchObject({
        type: 'task.created',
        caseId,
        areaCode: VILLAGE,
        payload: { taskId: taskOf(department), department, caseId, areaCode: VILLAGE },
      });
      expect(message.value).not.toMatch(/idCard|\d{17}[\dXx]/);
    }
    await waitForEvent(caseId, 'plan.agreed');
    expect(events(caseId).filter((e) => e.type === 'task.created')).toHaveLength(3);

    const civil = await departmentKey('CIVIL_AFFAIRS');
    const health = await departmentKey('HEALTH');
    const education = await departmentKey('EDUCATION');
    const asCivil = { 'x-api-key': civil };
    const asHealth = { 'x-api-key': health };

    const list = await call('GET', '/api/v1/departments/CIVIL_AFFAIRS/tasks?status=CREATED', undefined, asCivil);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ taskId: taskOf('CIVIL_AFFAIRS'), caseId, measure: 'DIBAO', status: 'CREATED' }),
    ]);

    // Civil affairs acknowledges, reports a month with an amount in fen and evidence, completes.
    const civilTask = `/api/v1/departments/CIVIL_AFFAIRS/tasks/${taskOf('CIVIL_AFFAIRS')}`;
    expect((await call('POST', `${civilTask}/acknowledge`, { on: '2026-12-02' }, asCivil)).status).toBe(200);
    const report = await call(
      'POST',
      `${civilTask}/reports`,
      {
        kind: 'PROGRESS',
        period: '2026-12',
        amountFen: 61000,
        evidence: [{ fileName: '低保审批表.pdf', contentType: 'application/pdf', sizeBytes: 20480 }],
      },
      asCivil,
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      status: 'IN_PROGRESS',
      reports: [expect.objectContaining({ period: '2026-12', amountFen: 61000 })],
    });
    expect((await call('POST', `${civilTask}/complete`, {}, asCivil)).body.status).toBe('COMPLETED');
    expect((await waitForEvent(caseId, 'task.reported')).payload).toMatchObject({
      taskId: taskOf('CIVIL_AFFAIRS'),
      period: '2026-12',
      amountFen: 61000,
    });
    expect((await waitForEvent(caseId, 'measures.started')).payload).toMatchObject({ startedOn: '2026-12-02' });
    await waitForEvent(caseId, 'task.completed');

    // Health's key can neither read nor touch civil affairs' list or task.
    const foreignList = await call('GET', '/api/v1/departments/CIVIL_AFFAIRS/tasks', undefined, asHealth);
    expect(foreignList).toMatchObject({ status: 403, body: { code: 'REFERRAL.DEPARTMENT_FORBIDDEN' } });
    expect(foreignList.body.message).toMatch(/无权/);
    const foreignTask = `/api/v1/departments/HEALTH/tasks/${taskOf('CIVIL_AFFAIRS')}`;
    await expect(call('GET', foreignTask, undefined, asHealth)).resolves.toMatchObject({
      status: 403,
      body: { code: 'REFERRAL.TASK_FORBIDDEN' },
    });
    await expect(call('POST', `${foreignTask}/reject`, { reason: '不是我们的' }, asHealth)).resolves.toMatchObject({
      status: 403,
    });
    await expect(
      call('GET', '/api/v1/departments/HEALTH/tasks', undefined, { 'x-api-key': 'prp_dept_forged' }),
    ).resolves.toMatchObject({ status: 401 });
    const healthList = await call('GET', '/api/v1/departments/HEALTH/tasks', undefined, asHealth);
    expect(healthList.body.items.map((t: { taskId: string }) => t.taskId)).toEqual([taskOf('HEALTH')]);

    // Education sends its task back to the helper with a reason.
    const rejected = await call(
      'POST',
      `/api/v1/departments/EDUCATION/tasks/${taskOf('EDUCATION')}/reject`,
      { reason: '该生已享受其他资助' },
      { 'x-api-key': education },
    );
    expect(rejected.body).toMatchObject({ status: 'RETURNED', returnReason: '该生已享受其他资助' });
    const file = await call('GET', `/api/v1/assistance/${caseId}`);
    expect(
      Object.fromEntries(file.body.tasks.map((t: { department: string; status: string }) => [t.department, t.status])),
    ).toEqual({
      CIVIL_AFFAIRS: 'COMPLETED',
      HEALTH: 'CREATED',
      EDUCATION: 'RETURNED',
    });
  });

  it('rejects a malformed report with the field and a Chinese message, and stores nothing', async () => {
    await newHelper('王帮扶');
    const { caseId } = await includeHousehold();
    const plan = await call('POST', `/api/v1/assistance/${caseId}/plans`, {
      agreedOn: '2026-12-01',
      recordedBy: '王帮扶',
      householdConsent: '户主签字确认',
      needs: [{ need: '饮水不安全', measure: 'DRINKING_WATER' }],
    });
    const key = await departmentKey('WATER');
    const path = `/api/v1/departments/WATER/tasks/${plan.body.tasks[0].taskId}`;
    const bad = await call(
      'POST',
      `${path}/reports`,
      { kind: 'RESULT', period: '2026-13', amountFen: 10.5 },
      { 'x-api-key': key },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amountFen', 'period']);
    for (const error of bad.body.errors) expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await call('GET', path, undefined, { 'x-api-key': key })).body).toMatchObject({
      status: 'CREATED',
      reports: [],
    });
  });

  it('keeps a helper on every household while an unavailable helper is replaced', async () => {
    const oldHelper = await newHelper('赵帮扶', { capacity: 1 });
    const { caseId } = await includeHousehold();
    const newcomer = await newHelper('钱帮扶', { capacity: 1 });

    const sick = await call('PATCH', `/api/v1/helpers/${oldHelper}/availability`, {
      availability: 'SICK',
      since: '2026-12-03',
    });
    expect(sick.body).toMatchObject({ replacementProposals: 1, helper: { availability: 'SICK' } });
    const proposals = await call('GET', `/api/v1/replacements?status=PROPOSED&areaCode=${VILLAGE}`);
    const proposal = proposals.body.find((p: { caseId: string }) => p.caseId === caseId);
    expect(proposal).toMatchObject({ oldHelperId: oldHelper, proposedHelperId: newcomer });
    expect((await call('GET', `/api/v1/assistance/${caseId}`)).body.helpers).toEqual([
      expect.objectContaining({ helperId: oldHelper }),
    ]);
    await expect(call('GET', `/api/v1/assistance/without-helper?areaCode=${TOWNSHIP}`)).resolves.toMatchObject({
      body: { count: 0 },
    });
    expect((await waitForEvent(caseId, 'helper.unavailable')).payload).toMatchObject({
      helperId: oldHelper,
      reason: 'SICK',
      since: '2026-12-03',
    });

    const confirmed = await call('POST', `/api/v1/replacements/${proposal.id}/assign`, {});
    expect(confirmed).toMatchObject({ status: 200, body: { helperId: newcomer, role: 'PRIMARY' } });
    const file = (await call('GET', `/api/v1/assistance/${caseId}`)).body;
    expect(file.helpers).toEqual([expect.objectContaining({ helperId: newcomer })]);
    expect(file.formerHelpers).toEqual([expect.objectContaining({ helperId: oldHelper, endReason: 'REPLACED:SICK' })]);
    await expect(call('GET', `/api/v1/assistance/without-helper?areaCode=${TOWNSHIP}`)).resolves.toMatchObject({
      body: { count: 0 },
    });
    expect((await waitForEvent(caseId, 'helper.replaced')).payload).toMatchObject({
      oldHelperId: oldHelper,
      helperId: newcomer,
      role: 'PRIMARY',
    });
    await expect(call('POST', `/api/v1/replacements/${proposal.id}/assign`, {})).resolves.toMatchObject({
      status: 409,
      body: { code: 'REFERRAL.PROPOSAL_RESOLVED' },
    });

    // A visit by the new helper goes into the handbook and onto the topic.
    const visit = await call('POST', `/api/v1/assistance/${caseId}/visits`, {
      helperId: newcomer,
      visitedOn: '2026-12-10',
      findings: '家中老人住院，收入下降',
      incomeChanges: [{ source: '务工', monthlyChangeFen: -150000 }],
      newRiskPoints: ['ILLNESS'],
    });
    expect(visit).toMatchObject({ status: 201, body: { quarter: '2026Q4' } });
    expect((await waitForEvent(caseId, 'visit.recorded')).payload).toMatchObject({
      helperId: newcomer,
      quarter: '2026Q4',
      newRiskPoints: ['ILLNESS'],
    });
    await expect(
      call('POST', `/api/v1/assistance/${caseId}/visits`, {
        helperId: oldHelper,
        visitedOn: '2026-12-11',
        findings: 'x',
      }),
    ).resolves.toMatchObject({
      status: 409,
      body: { code: 'REFERRAL.VISIT_HELPER' },
    });
  });

  it('counts a household included before any cadre of its area as without a helper, until one is registered and assigned', async () => {
    const village = LATE_VILLAGE;
    const caseId = randomUUID();
    await put(TOPICS.caseEvents, caseId, JSON.stringify({ ...decided(caseId), areaCode: village }));
    const waiting = await waitFor(
      async () => {
        const res = await call('GET', `/api/v1/assistance/without-helper?areaCode=${LATE_TOWNSHIP}`);
        return res.body.count === 1 ? res.body : undefined;
      },
      { description: 'the household waiting for a helper' },
    );
    expect(waiting.households).toEqual([expect.objectContaining({ caseId, areaCode: village })]);
    expect((await call('GET', `/api/v1/assistance/${caseId}`)).body).toMatchObject({
      status: 'AWAITING_HELPER',
      helpers: [],
    });

    const helperId = await newHelper('孙帮扶', { areaCode: LATE_TOWNSHIP, level: 'TOWNSHIP' });
    const retried = await call('POST', '/api/v1/assistance/assign-pending', { areaCode: LATE_TOWNSHIP });
    expect(retried.body).toMatchObject({ examined: 1, assigned: 1, stillWithout: 0 });
    expect((await call('GET', `/api/v1/assistance/${caseId}`)).body).toMatchObject({
      status: 'ASSISTED',
      helpers: [expect.objectContaining({ helperId })],
    });
    await expect(call('GET', `/api/v1/assistance/without-helper?areaCode=${LATE_TOWNSHIP}`)).resolves.toMatchObject({
      body: { count: 0 },
    });
  });

  it('refuses a cadre chosen by hand who breaks the rules, saying why', async () => {
    const busy = await newHelper('周帮扶', { capacity: 1 });
    const { caseId } = await includeHousehold();
    const file = (await call('GET', `/api/v1/assistance/${caseId}`)).body;
    expect(file.helpers).toEqual([expect.objectContaining({ helperId: busy })]);
    const again = await call('POST', `/api/v1/assistance/${caseId}/assign`, { helperId: busy });
    expect(again).toMatchObject({ status: 409, body: { code: 'REFERRAL.HELPER_CANNOT_TAKE' } });
    expect(again.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lets only an admin override the ratio for a region, and applies it there only', async () => {
    const override = { maxHouseholdsPerCadre: 1 };
    const path = `/api/v1/assignment-policy/${LATE_TOWNSHIP.slice(0, 9)}`;
    await expect(call('PUT', path, override)).resolves.toMatchObject({
      status: 403,
      body: { code: 'REFERRAL.ADMIN_FORBIDDEN' },
    });
    await expect(call('PUT', path, override, { 'x-admin-token': 'wrong' })).resolves.toMatchObject({ status: 403 });
    await expect(
      call('POST', '/api/v1/admin/department-keys', { department: 'HEALTH', label: 'x' }),
    ).resolves.toMatchObject({ status: 403 });
    const saved = await call('PUT', path, override, { 'x-admin-token': ADMIN_TOKEN });
    expect(saved).toMatchObject({ status: 200, body: { maxHouseholdsPerCadre: 1, exclusiveLevel: 'CITY' } });
    await expect(call('GET', `/api/v1/assignment-policy?areaCode=${LATE_VILLAGE}`)).resolves.toMatchObject({
      body: { maxHouseholdsPerCadre: 1 },
    });
    await expect(call('GET', `/api/v1/assignment-policy?areaCode=${VILLAGE}`)).resolves.toMatchObject({
      body: { maxHouseholdsPerCadre: 2 },
    });
  });

  it('withdraws the replacement proposals of a helper who is back before they were assigned', async () => {
    const helperId = await newHelper('吴帮扶', { capacity: 1 });
    const { caseId } = await includeHousehold();
    await call('PATCH', `/api/v1/helpers/${helperId}/availability`, { availability: 'ON_LEAVE', since: '2026-12-04' });
    const open = await call('GET', `/api/v1/replacements?status=PROPOSED&areaCode=${VILLAGE}`);
    const proposal = open.body.find((p: { caseId: string }) => p.caseId === caseId);
    expect(proposal).toMatchObject({ oldHelperId: helperId });

    const back = await call('PATCH', `/api/v1/helpers/${helperId}/availability`, { availability: 'AVAILABLE' });
    expect(back.body).toMatchObject({ replacementProposals: 0, helper: { availability: 'AVAILABLE' } });
    const after = await call('GET', `/api/v1/replacements?status=PROPOSED&areaCode=${VILLAGE}`);
    expect(after.body.some((p: { caseId: string }) => p.caseId === caseId)).toBe(false);
    await expect(call('POST', `/api/v1/replacements/${proposal.id}/assign`, {})).resolves.toMatchObject({
      status: 409,
    });
    expect((await call('GET', `/api/v1/assistance/${caseId}`)).body.helpers).toEqual([
      expect.objectContaining({ helperId }),
    ]);
  });

  it('serves /health and the OpenAPI document', async () => {
    await expect(call('GET', '/health')).resolves.toMatchObject({ status: 200 });
    const docs = await call('GET', '/docs/json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/departments/{code}/tasks', '/api/v1/helpers']),
    );
  });
});
