import { randomUUID } from 'crypto';
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { toShanghaiDate } from '@prp/calendar';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseSubmittedSignal,
  caseWorkflowId,
  EVENT_TYPES,
  parseEnvelope,
  caseWorkflowInputOf,
  type CaseWorkflowState,
} from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { householdFacts } from '../test/households';
import {
  ADMIN_TOKEN,
  stack,
  startAmendFactsStack,
  TOWNSHIP,
  VILLAGE,
  type AmendFactsStack,
} from './test/amend-facts-stack';

const ON = '2026-11-02';

describe('changing a household’s facts after submission (PostgreSQL, Temporal, area keys)', () => {
  let it_: AmendFactsStack;
  let connection: Connection;
  let temporal: Client;
  let key: { id: string; apiKey: string };

  beforeAll(async () => {
    it_ = await startAmendFactsStack();
    connection = await Connection.connect({ address: stack.temporalAddress });
    temporal = new Client({ connection, namespace: stack.temporalNamespace });
    const issued = await it_.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: { 'x-admin-token': ADMIN_TOKEN },
      payload: { name: '东富镇乡镇系统', areaCode: TOWNSHIP, scopes: ['INTAKE', 'APPROVAL'] },
    });
    expect(issued.statusCode).toBe(201);
    key = issued.json();
  });

  afterAll(async () => {
    await it_?.stop();
    await connection?.close();
  });

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: object = {}) => {
    const response = await it_.app.inject({ method, url, payload, headers: { 'x-api-key': key.apiKey, ...headers } });
    return { status: response.statusCode, body: response.json() };
  };
  const submit = async (wageYuan: number, serial: number) => {
    const household = householdFacts(ON, wageYuan, serial);
    const payload = {
      villageCode: VILLAGE,
      channel: 'CADRE_VISIT',
      discoveredOn: ON,
      discoveredBy: 'clerk-0451',
      household,
    };
    const answer = await call('POST', '/api/v1/cases', payload, { 'idempotency-key': `amend-${randomUUID()}` });
    expect(answer.status).toBe(201);
    return answer.body as { caseId: string; caseNo: string; status: string };
  };
  const change = (caseId: string, household: object, extra: object = {}) =>
    call('PUT', `/api/v1/cases/${caseId}/facts`, {
      household,
      reason: '入户核实后更正家庭收入和风险点',
      changedBy: 'clerk-0451',
      idempotencyKey: `facts-${randomUUID()}`,
      ...extra,
    });
  const outbox = (caseId: string, type: string) =>
    it_.sql<{ envelope: unknown }>(
      `SELECT envelope FROM outbox_message WHERE message_key = $1 AND event_type = $2 ORDER BY seq`,
      [caseId, type],
    );
  const revisions = async (caseId: string) => (await call('GET', `/api/v1/cases/${caseId}/facts/revisions`)).body.items;

  /** What the case worker's bridge does with `case.submitted` (the bridge lives in another Nx scope). */
  async function handOff(caseId: string): Promise<CaseWorkflowState> {
    const [row] = await outbox(caseId, EVENT_TYPES.caseSubmitted);
    const event = parseEnvelope(row.envelope);
    if (event.type !== EVENT_TYPES.caseSubmitted) throw new Error('not a case.submitted event');
    const input = caseWorkflowInputOf(event);
    try {
      await temporal.workflow.signalWithStart(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: it_.taskQueue,
        args: [input],
        signal: caseSubmittedSignal,
        signalArgs: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return waitFor(
      async () => {
        const state = await temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
        return state.deadlines.length > 0 ? state : undefined;
      },
      { timeoutMs: 30_000, description: 'the case workflow running its response clock' },
    );
  }

  it('turns a screened-out household whose new facts qualify into a suspected case whose workflow starts', async () => {
    const submitted = await submit(60_000, 1);
    expect(submitted.status).toBe('SCREENED_OUT');
    expect(await outbox(submitted.caseId, EVENT_TYPES.caseSubmitted)).toHaveLength(0);

    const idempotencyKey = `facts-${randomUUID()}`;
    const changed = await change(submitted.caseId, householdFacts(ON, 12_000, 1), { idempotencyKey });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      previousStatus: 'SCREENED_OUT',
      status: 'SUSPECTED',
      becameSuspected: true,
      revisionNo: 1,
      screening: { qualifies: true, disposition: 'CASE' },
      warning: null,
      replayed: false,
    });
    expect(changed.body.message).toContain('疑似监测对象');
    expect(changed.body.responseDue.dueDate > toShanghaiDate(new Date())).toBe(true);

    const state = await handOff(submitted.caseId);
    expect(state.step).toBe('AWAITING_RESPONSE');
    expect(state.deadlines.find((d) => d.kind === 'RESPONSE')?.startedOn).toBe(toShanghaiDate(new Date()));

    const stored = await call('GET', `/api/v1/cases/${submitted.caseId}`);
    expect(stored.body).toMatchObject({
      status: 'SUSPECTED',
      responseDueDate: changed.body.responseDue.dueDate,
      screeningWarning: null,
      discoveredOn: ON,
    });
    const again = await change(submitted.caseId, householdFacts(ON, 12_000, 1), { idempotencyKey });
    expect(again.body).toMatchObject({ revisionNo: 1, status: 'SUSPECTED', replayed: true });
    const reused = await change(submitted.caseId, householdFacts(ON, 13_000, 1), { idempotencyKey });
    expect(reused).toMatchObject({ status: 409, body: { code: 'CASE.IDEMPOTENCY_CONFLICT' } });
    expect(await outbox(submitted.caseId, EVENT_TYPES.caseSubmitted)).toHaveLength(1);

    const kept = await revisions(submitted.caseId);
    expect(kept).toEqual([
      expect.objectContaining({
        revisionNo: 1,
        trigger: 'FACTS_CHANGED',
        previousStatus: 'SCREENED_OUT',
        status: 'SUSPECTED',
        changedBy: 'clerk-0451',
        apiKeyId: key.id,
        previousFacts: expect.objectContaining({ incomes: [expect.objectContaining({ amountFen: 6_000_000 })] }),
        facts: expect.objectContaining({ incomes: [expect.objectContaining({ amountFen: 1_200_000 })] }),
      }),
    ]);
    expect(JSON.stringify(kept)).not.toContain(householdFacts(ON, 12_000, 1).members[0].idCardNumber);
  });

  it('updates colour and category of a case in the chain, publishes case.rescreened, and warns when it no longer qualifies', async () => {
    const submitted = await submit(12_000, 2);
    expect(submitted.status).toBe('SUSPECTED');
    await handOff(submitted.caseId);
    const step = { decisionId: randomUUID(), step: 'RESPONSE', result: 'DONE', actor: 'clerk-0451', attachments: [] };
    expect((await call('POST', `/api/v1/cases/${submitted.caseId}/steps`, step)).status).toBe(200);

    const ill = { ...householdFacts(ON, 12_000, 2), riskPoints: ['ILLNESS', 'DISASTER'] };
    const red = await change(submitted.caseId, ill);
    expect(red.status).toBe(200);
    expect(red.body).toMatchObject({
      status: 'SUSPECTED',
      inApprovalChain: true,
      becameSuspected: false,
      warning: null,
    });
    expect(red.body.previous.colour).not.toBe('RED');
    expect(red.body.screening.colour).toBe('RED');

    const wellOff = await change(submitted.caseId, householdFacts(ON, 60_000, 2));
    expect(wellOff.status).toBe(200);
    expect(wellOff.body).toMatchObject({
      status: 'SUSPECTED',
      inApprovalChain: true,
      screening: { qualifies: false },
      warning: { code: 'CASE.NO_LONGER_QUALIFIES', revisionNo: 2 },
    });
    expect(wellOff.body.warning.message).toContain('不会自动终止');
    const shown = await call('GET', `/api/v1/cases/${submitted.caseId}`);
    expect(shown.body).toMatchObject({ status: 'SUSPECTED', screeningWarning: { code: 'CASE.NO_LONGER_QUALIFIES' } });

    const events = (await outbox(submitted.caseId, EVENT_TYPES.caseRescreened)).map((row) =>
      parseEnvelope(row.envelope),
    );
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        revisionNo: 1,
        previous: expect.objectContaining({ qualifies: true }),
        current: expect.objectContaining({ colour: 'RED', qualifies: true }),
      }),
      expect.objectContaining({
        revisionNo: 2,
        previous: expect.objectContaining({ colour: 'RED' }),
        current: expect.objectContaining({ qualifies: false }),
      }),
    ]);
    const state = await temporal.workflow.getHandle(caseWorkflowId(submitted.caseId)).query(caseStateQuery);
    expect(state.outcome).toBeUndefined();

    const ledger = await call('GET', `/api/v1/cases/${submitted.caseId}/decisions`);
    expect(ledger.body.items).toEqual([
      expect.objectContaining({ step: 'RESPONSE', actor: 'clerk-0451', apiKeyId: key.id }),
    ]);
    expect((await revisions(submitted.caseId)).map((r: { apiKeyId: string }) => r.apiKeyId)).toEqual([key.id, key.id]);
  });

  it('refuses a decided case with 409 and a Chinese reason, keeping its facts', async () => {
    const submitted = await submit(12_000, 3);
    await it_.sql(
      `INSERT INTO step_decision (decision_id, case_id, kind, step, result, actor, decided_at, resulting_step, outcome, flow_version)
       VALUES ($1, $2, 'STEP', 'COUNTY_APPROVAL', 'APPROVED', 'county-07', now(), 'INCLUDED', 'INCLUDED', 'liuzhou-2021.v1')`,
      [randomUUID(), submitted.caseId],
    );
    const refused = await change(submitted.caseId, householdFacts(ON, 60_000, 3));
    expect(refused).toMatchObject({ status: 409, body: { code: 'CASE.ALREADY_DECIDED' } });
    expect(refused.body.message).toContain('已审定纳入');
    expect(await revisions(submitted.caseId)).toEqual([]);
    const stored = await call('GET', `/api/v1/cases/${submitted.caseId}`);
    expect(stored.body.facts.incomes[0].amountFen).toBe(1_200_000);
  });

  it('answers 400 with the field path for a bad field and 409 naming the other case for a member of an open case', async () => {
    const open = await submit(12_000, 4);
    const other = await submit(60_000, 5);
    const bad = householdFacts(ON, 12_000, 5);
    bad.members[1] = { ...bad.members[1], idCardNumber: `${bad.members[1].idCardNumber.slice(0, 17)}0` };
    const invalid = await change(other.caseId, bad, { reason: undefined });
    expect(invalid.status).toBe(400);
    const fields = invalid.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['household.members.1.idCardNumber', 'reason']));

    const taken = { ...householdFacts(ON, 12_000, 5) };
    taken.members = [taken.members[0], { ...householdFacts(ON, 12_000, 4).members[1] }, taken.members[2]];
    const duplicate = await change(other.caseId, taken);
    expect(duplicate).toMatchObject({
      status: 409,
      body: {
        code: 'CASE.MEMBER_IN_OPEN_CASE',
        otherCaseNo: open.caseNo,
        errors: [{ field: 'household.members.1.idCardNumber' }],
      },
    });
    expect(duplicate.body.message).toContain(open.caseNo);
    expect(await revisions(other.caseId)).toEqual([]);
    const members = await it_.sql<{ n: number }>(`SELECT count(*)::int AS n FROM household_member WHERE case_id = $1`, [
      other.caseId,
    ]);
    expect(members[0].n).toBe(3);
  });

  it('re-screens a screened-out household with a new risk point: a suspected case, its ledger row carrying the key', async () => {
    const submitted = await submit(60_000, 6);
    const reportId = randomUUID();
    const report = {
      reportId,
      riskPoint: '户主务工时摔伤，丧失劳动能力',
      riskPointType: 'LOST_MAIN_LABOURER',
      observedAt: new Date().toISOString(),
      reportedBy: '新塘村村委会',
    };
    const answer = await call('POST', `/api/v1/cases/${submitted.caseId}/risk-points`, report);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      alreadyRecorded: false,
      rescreen: {
        previousStatus: 'SCREENED_OUT',
        status: 'SUSPECTED',
        becameSuspected: true,
        screening: { qualifies: true },
      },
    });
    const again = await call('POST', `/api/v1/cases/${submitted.caseId}/risk-points`, report);
    expect(again.body).toMatchObject({ alreadyRecorded: true, rescreen: { status: 'SUSPECTED', replayed: true } });
    expect(await outbox(submitted.caseId, EVENT_TYPES.caseSubmitted)).toHaveLength(1);
    expect((await handOff(submitted.caseId)).step).toBe('AWAITING_RESPONSE');

    const ledger = await call('GET', `/api/v1/cases/${submitted.caseId}/decisions`);
    expect(ledger.body.items).toEqual([
      expect.objectContaining({
        decisionId: reportId,
        kind: 'RISK_POINT',
        apiKeyId: key.id,
        resultingStep: 'AWAITING_RESPONSE',
      }),
    ]);
    const kept = await revisions(submitted.caseId);
    expect(kept).toEqual([
      expect.objectContaining({ trigger: 'RISK_POINT', reason: report.riskPoint, apiKeyId: key.id }),
    ]);
    expect(kept[0].facts.riskPoints).toEqual(['LOST_MAIN_LABOURER']);
  });
});
