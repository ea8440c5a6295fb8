import { randomUUID } from 'crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { caseStateQuery, caseWorkflowId, createEnvelope, TOPICS, type DeadLetterRecord } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import {
  recordTopic,
  stack,
  startVisitFeedbackStack,
  type RawRecord,
  type VisitFeedbackStack,
} from './test/visit-feedback-stack';
import { visitRiskPointId } from './visit-findings';

const VILLAGE = '450222101201';

interface LedgerView {
  decisionId: string;
  kind: string;
  actor: string;
  reason: string;
  resultingStep: string;
  outcome: string | null;
}

describe('visit findings feed back into screening (PostgreSQL, Kafka, Temporal)', () => {
  let it_: VisitFeedbackStack;
  let deadLetters: { records: RawRecord[]; stop(): Promise<void> };
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    it_ = await startVisitFeedbackStack();
    deadLetters = await recordTopic(TOPICS.deadLetter);
    connection = await Connection.connect({ address: stack.temporalAddress });
    temporal = new Client({ connection, namespace: stack.temporalNamespace });
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await it_?.stop();
    await connection?.close();
  });

  async function insertCase(status: string): Promise<string> {
    const caseId = randomUUID();
    await it_.sql(
      `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
         discovered_by, head_name, member_count, status, colour)
       VALUES ($1, $2, $3, 'h', $4, 'CADRE_VISIT', '2026-09-02', 'clerk-0451', '张三', 4, $5, $6)`,
      [caseId, `JC2026${caseId.slice(0, 8)}`, randomUUID(), VILLAGE, status, status === 'BLUE_WATCH' ? 'BLUE' : 'RED'],
    );
    return caseId;
  }

  const visit = (caseId: string, visitId: string, newRiskPoints: string[]) =>
    createEnvelope({
      type: 'visit.recorded',
      eventId: randomUUID(),
      caseId,
      areaCode: VILLAGE,
      producer: 'referral',
      occurredAt: '2026-11-10T16:00:00+08:00',
      payload: { visitId, helperId: 'helper-031', visitedOn: '2026-11-10', quarter: '2026Q4', newRiskPoints },
    });
  const publish = (key: string, value: unknown) =>
    it_.producer.send({
      topic: TOPICS.assistanceEvents,
      messages: [{ key, value: typeof value === 'string' ? value : JSON.stringify(value) }],
    });
  const ledger = (caseId: string) =>
    it_.sql<LedgerView>(
      `SELECT decision_id AS "decisionId", kind, actor, reason, resulting_step AS "resultingStep", outcome
       FROM step_decision WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
  const ledgered = (caseId: string, id: string) =>
    waitFor(async () => (await ledger(caseId)).some((row) => row.decisionId === id), {
      timeoutMs: 30_000,
      description: `ledger row ${id}`,
    });
  const outboxCount = async (caseId: string) =>
    (await it_.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_message WHERE message_key = $1`, [caseId]))[0]
      .n;

  it('upgrades a watched BLUE household on a visit finding once, however often the visit is delivered', async () => {
    const caseId = await insertCase('BLUE_WATCH');
    const illness = '户主突发脑梗住院，自付医疗费用预计超过3万元';
    const first = visit(caseId, 'visit-1', [illness]);
    const redelivered = { ...first, eventId: randomUUID() }; // the same visit republished under a new event id
    await publish(caseId, first);
    await publish(caseId, first);
    await publish(caseId, redelivered);
    const later = visit(caseId, 'visit-2', ['暴雨致房屋受损']);
    await publish(caseId, later); // same key, same partition: when it is in, everything before it was handled
    const noteId = visitRiskPointId(caseId, 'visit-2', '暴雨致房屋受损');
    await ledgered(caseId, noteId);

    const rows = await ledger(caseId);
    expect(rows).toEqual([
      expect.objectContaining({
        decisionId: visitRiskPointId(caseId, 'visit-1', illness),
        kind: 'RISK_POINT',
        actor: '帮扶责任人helper-031',
        reason: illness,
        resultingStep: 'AWAITING_RESPONSE',
      }),
      expect.objectContaining({ decisionId: noteId, kind: 'RISK_POINT', resultingStep: 'AWAITING_RESPONSE' }),
    ]);
    expect(await outboxCount(caseId)).toBe(1); // one case.risk-point-reported, none for the note
    const processed = await it_.sql<{ event_id: string }>(
      `SELECT event_id FROM processed_event WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`,
      [it_.consumerGroup, [first.eventId, redelivered.eventId, later.eventId]],
    );
    expect(processed).toHaveLength(3);

    const state = await waitFor(
      async () => {
        const current = await temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
        return current.deadlines.length > 0 ? current : undefined;
      },
      { timeoutMs: 30_000, description: 'the upgraded household running its response clock' },
    );
    expect(state.step).toBe('AWAITING_RESPONSE');
    expect(state.deadlines.filter((d) => d.kind === 'RESPONSE')).toHaveLength(1);
  });

  it('notes a finding against an included household in its ledger without restarting anything', async () => {
    const caseId = await insertCase('SUSPECTED');
    await it_.sql(
      `INSERT INTO step_decision (decision_id, case_id, kind, step, result, actor, decided_at, resulting_step, outcome, flow_version)
       VALUES ($1, $2, 'STEP', 'COUNTY_APPROVAL', 'APPROVED', 'county-07', '2026-10-28T10:00:00+08:00', 'INCLUDED', 'INCLUDED', 'liuzhou-2021.v1')`,
      [randomUUID(), caseId],
    );
    await publish(caseId, visit(caseId, 'visit-9', ['子女辍学风险', '主要劳动力外出务工受伤']));
    await ledgered(caseId, visitRiskPointId(caseId, 'visit-9', '主要劳动力外出务工受伤'));

    const answer = await it_.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/decisions` });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().items).toEqual([
      expect.objectContaining({ kind: 'STEP', step: 'COUNTY_APPROVAL', outcome: 'INCLUDED' }),
      expect.objectContaining({
        kind: 'RISK_POINT',
        resultingStep: 'INCLUDED',
        outcome: 'INCLUDED',
        reason: '帮扶走访（2026-11-10，走访编号visit-9）发现新风险点：子女辍学风险',
      }),
      expect.objectContaining({ kind: 'RISK_POINT', resultingStep: 'INCLUDED', outcome: 'INCLUDED' }),
    ]);
    expect(await outboxCount(caseId)).toBe(0);
    await expect(temporal.workflow.getHandle(caseWorkflowId(caseId)).describe()).rejects.toThrow(WorkflowNotFoundError);
  });

  it('dead-letters poison messages with their error and goes on with the next visit', async () => {
    const [garbled, unknown, malformed] = [randomUUID(), randomUUID(), randomUUID()];
    await publish(garbled, '{"type":"visit.recorded",');
    await publish(unknown, visit(unknown, 'visit-x', ['因病']));
    await publish(malformed, {
      ...visit(malformed, 'visit-y', []),
      payload: { visitId: 'visit-y', newRiskPoints: '因病' },
    });
    const mine = () =>
      deadLetters.records
        .map((r) => JSON.parse(r.value) as DeadLetterRecord)
        .filter((r) => r.consumerGroup === it_.consumerGroup);
    const letters = await waitFor(() => (mine().length >= 3 ? mine() : undefined), {
      timeoutMs: 30_000,
      description: 'three dead letters of this consumer group',
    });
    const byKey = Object.fromEntries(letters.map((r) => [r.key, r]));
    expect(byKey[garbled]).toMatchObject({
      originalTopic: TOPICS.assistanceEvents,
      error: { code: 'MESSAGING.INVALID_JSON' },
    });
    expect(byKey[unknown].error).toMatchObject({ code: 'CONTRACT.VIOLATION', issues: [{ path: 'caseId' }] });
    expect(byKey[unknown].error.message).toContain('识别服务中没有案件');
    expect(byKey[malformed].error.code).toBe('CONTRACT.VIOLATION');

    const caseId = await insertCase('BLUE_WATCH');
    await publish(caseId, visit(caseId, 'visit-after', ['因灾']));
    await ledgered(caseId, visitRiskPointId(caseId, 'visit-after', '因灾'));
  });

  it('serves helper_replacement_working_days in the effective policy of every seeded year, 10 by default', async () => {
    const effective = async (on: string) =>
      (await it_.app.inject({ method: 'GET', url: `/api/v1/policy/effective?areaCode=${VILLAGE}&on=${on}` })).json();
    for (const on of ['2024-03-01', '2025-06-30', '2026-12-01', '2027-01-01']) {
      expect((await effective(on)).values).toMatchObject({
        helper_replacement_working_days: 10,
        helper_assignment_working_days: 10,
        first_measures_working_days: 10,
      });
    }
    const put = (values: object, effectiveFrom = '2026-07-01') =>
      it_.app.inject({
        method: 'PUT',
        url: '/api/v1/policy/tables/000000000000/2026',
        payload: { effectiveFrom, source: '测试：调整帮扶责任人更换时限', values },
      });
    expect(await put({ helper_replacement_working_days: 0 })).toMatchObject({ statusCode: 400 });
    expect((await put({ helper_replacement_working_days: 0 })).json().errors).toEqual([
      expect.objectContaining({ field: 'values.helper_replacement_working_days' }),
    ]);
    expect((await put({ helper_replacement_working_days: 7 })).statusCode).toBe(200);
    expect((await effective('2026-06-30')).values.helper_replacement_working_days).toBe(10);
    expect((await effective('2026-07-01')).values.helper_replacement_working_days).toBe(7);
  });
});
