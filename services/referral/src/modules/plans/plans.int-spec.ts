import { randomBytes, randomInt, randomUUID } from 'crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { toShanghaiDate } from '@prp/calendar';
import { createEnvelope, TOPICS } from '@prp/contracts';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { migrate } from '@prp/persistence';
import { createServiceApp } from '@prp/service-kit';
import { testStackEnv, uniqueName, waitFor } from '@prp/testing';
import { loadReferralConfig } from '../../config/referral.config';
import { REFERRAL_MIGRATIONS } from '../../database';
import { ReferralModule } from '../../referral.module';
import { PLAN_DATE_CODES } from './plan-dates';

const stack = testStackEnv();
const PORT = 24090;
const BASE = `http://127.0.0.1:${PORT}`;
/** A county of this run only, so households replayed from other runs never take this run's cadre. */
const VILLAGE = `66${randomInt(1000, 10000)}101201`;
const DAY = 86_400_000;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

describe('agreeing a plan: its date (real PostgreSQL and Kafka)', () => {
  const schema = `referral_plan_it_${randomBytes(5).toString('hex')}`;
  const kafka = new Kafka({ clientId: 'referral-plan-it', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
  let app: NestFastifyApplication;
  let producer: Producer;
  let db: Client;

  beforeAll(async () => {
    await migrate({
      url: stack.databaseUrl,
      schema,
      entities: MESSAGING_ENTITIES,
      migrations: REFERRAL_MIGRATIONS,
      applicationName: 'referral-plan-it',
    });
    const config = loadReferralConfig({
      DATABASE_URL: stack.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      REFERRAL_CONSUMER_GROUP: uniqueName('referral-plan-it'),
      REFERRAL_ADMIN_TOKEN: randomBytes(24).toString('hex'),
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
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db?.end();
  });

  /** A household included (case.decided) `daysAgo` days ago, with its helper. */
  async function includedDaysAgo(daysAgo: number): Promise<{ caseId: string; includedOn: string }> {
    const helper = await call('POST', '/api/v1/helpers', {
      name: `计划测试帮扶人-${randomUUID().slice(0, 6)}`,
      level: 'VILLAGE',
      unit: '测试村委会',
      areaCode: VILLAGE,
      capacity: 1,
    });
    expect(helper.status).toBe(201);
    const caseId = randomUUID();
    const decidedAt = new Date(Date.now() - daysAgo * DAY);
    const event = createEnvelope({
      type: 'case.decided',
      eventId: randomUUID(),
      caseId,
      areaCode: VILLAGE,
      producer: 'identification',
      payload: {
        outcome: 'INCLUDED',
        decidedAt: decidedAt.toISOString(),
        decidedAtLevel: 'COUNTY_APPROVAL',
        decisionId: randomUUID(),
      },
    });
    await producer.send({ topic: TOPICS.caseEvents, messages: [{ key: caseId, value: JSON.stringify(event) }] });
    await waitFor(
      async () => {
        const res = await call('GET', `/api/v1/assistance/${caseId}`);
        return res.status === 200 && res.body.helpers.length > 0;
      },
      { description: `the record of ${caseId} with a helper` },
    );
    return { caseId, includedOn: toShanghaiDate(decidedAt) };
  }

  const plan = (caseId: string, agreedOn: string) =>
    call('POST', `/api/v1/assistance/${caseId}/plans`, {
      agreedOn,
      recordedBy: '计划测试帮扶人',
      householdConsent: '户主签字确认',
      needs: [{ need: '收入低于监测线', measure: 'DIBAO' }],
    });
  const storedPlans = async (caseId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM "${schema}".assistance_plan WHERE case_id = $1`, [caseId])).rows[0]
      .n as number;

  it('refuses a plan dated before the inclusion or after today, naming agreedOn, and stores nothing', async () => {
    const { caseId, includedOn } = await includedDaysAgo(10);
    const today = toShanghaiDate(new Date());

    const early = await plan(caseId, toShanghaiDate(new Date(Date.parse(`${includedOn}T12:00:00+08:00`) - DAY)));
    expect(early).toMatchObject({
      status: 400,
      body: {
        code: PLAN_DATE_CODES.beforeInclusion,
        errors: [{ field: 'agreedOn', code: PLAN_DATE_CODES.beforeInclusion }],
      },
    });
    expect(early.body.message).toContain(`纳入监测日期${includedOn}`);

    const future = await plan(caseId, toShanghaiDate(new Date(Date.now() + 2 * DAY)));
    expect(future).toMatchObject({
      status: 400,
      body: { code: PLAN_DATE_CODES.inFuture, errors: [{ field: 'agreedOn', code: PLAN_DATE_CODES.inFuture }] },
    });
    expect(future.body.message).toMatch(/晚于今天/);
    expect(await storedPlans(caseId)).toBe(0);

    // The inclusion day itself and today are both fine: a plan agreed after the fact is entered with its date.
    await expect(plan(caseId, includedOn)).resolves.toMatchObject({ status: 201 });
    await expect(plan(caseId, today)).resolves.toMatchObject({ status: 201 });
    expect(await storedPlans(caseId)).toBe(2);
  });
});
