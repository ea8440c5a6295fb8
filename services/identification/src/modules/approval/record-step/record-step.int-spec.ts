import { randomUUID } from 'crypto';
import { Client, Connection } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, caseStateQuery, caseWorkflowId, type CaseWorkflowInput } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { stack, startApprovalStack, type ApprovalStack } from '../test/approval-stack';

const VILLAGE = '450222101201';

describe('recording approval steps through the real case workflow (PostgreSQL, Kafka, Temporal)', () => {
  let approval: ApprovalStack;
  let temporal: Client;
  let connection: Connection;

  beforeAll(async () => {
    approval = await startApprovalStack();
    connection = await Connection.connect({ address: stack.temporalAddress });
    temporal = new Client({ connection, namespace: stack.temporalNamespace });
  });

  afterAll(async () => {
    await approval?.stop();
    await connection?.close();
  });

  async function insertCase(status = 'SUSPECTED'): Promise<string> {
    const caseId = randomUUID();
    await approval.sql(
      `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
         discovered_by, head_name, member_count, status)
       VALUES ($1, $2, $3, 'h', $4, 'CADRE_VISIT', '2026-11-02', 'clerk-0451', '张三', 4, $5)`,
      [caseId, `JC2026${caseId.slice(0, 8)}`, randomUUID(), VILLAGE, status],
    );
    return caseId;
  }

  async function startWorkflow(caseId: string): Promise<void> {
    const input: CaseWorkflowInput = {
      caseId,
      areaCode: VILLAGE,
      caseNo: `JC2026${caseId.slice(0, 8)}`,
      channel: 'CADRE_VISIT',
      discoveredOn: '2026-11-02',
      colour: 'RED',
      flowVersion: 'liuzhou-2021.v1',
    };
    const handle = await temporal.workflow.start(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(caseId),
      taskQueue: approval.taskQueue,
      args: [input],
    });
    await waitFor(async () => (await handle.query(caseStateQuery)).deadlines.length > 0, {
      timeoutMs: 30_000,
      description: 'the case workflow running its response clock',
    });
  }

  const post = (caseId: string, body: object) =>
    approval.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/steps`, payload: body });
  const step = (step: string, result: string, extra: object = {}) => ({
    decisionId: randomUUID(),
    step,
    result,
    actor: 'clerk-0451',
    decidedAt: '2026-11-04T10:00:00+08:00',
    attachments: [{ name: '入户核实表.jpg', contentType: 'image/jpeg', sizeBytes: 204800, sha256: 'b'.repeat(64) }],
    ...extra,
  });
  const count = async (sql: string, params: unknown[]) => (await approval.sql<{ n: number }>(sql, params))[0].n;
  const ledgerRows = (caseId: string) =>
    count(`SELECT count(*)::int AS n FROM step_decision WHERE case_id = $1`, [caseId]);
  const outboxRows = (caseId: string, type: string) =>
    count(`SELECT count(*)::int AS n FROM outbox_message WHERE message_key = $1 AND event_type = $2`, [caseId, type]);

  it('accepts steps in order, ledgers each once however often it is posted, and refuses one out of order', async () => {
    const caseId = await insertCase();
    await startWorkflow(caseId);

    const response = step('RESPONSE', 'DONE');
    const first = await post(caseId, response);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ decisionId: response.decisionId, alreadyRecorded: false });
    const afterResponse = first.json().resultingStep;
    expect(afterResponse).not.toBe('AWAITING_RESPONSE');

    const again = await post(caseId, response);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ resultingStep: afterResponse, alreadyRecorded: true });
    expect(await ledgerRows(caseId)).toBe(1);
    expect(await outboxRows(caseId, 'case.step-recorded')).toBe(1);

    const early = await post(caseId, step('COUNTY_APPROVAL', 'APPROVED'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CASE.STEP_OUT_OF_ORDER');
    expect(early.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await ledgerRows(caseId)).toBe(1);
    expect(await outboxRows(caseId, 'case.step-recorded')).toBe(1);

    const verified = await post(caseId, step('HOME_VERIFICATION', 'DONE'));
    expect(verified.statusCode).toBe(200);
    const progress = await approval.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/progress` });
    expect(progress.json()).toMatchObject({
      currentStep: verified.json().resultingStep,
      workflow: { available: true, step: verified.json().resultingStep },
      decisions: [
        { step: 'RESPONSE', result: 'DONE', actor: 'clerk-0451', decidedAt: '2026-11-04T10:00:00.000+08:00' },
        { step: 'HOME_VERIFICATION', result: 'DONE', attachments: [{ name: '入户核实表.jpg', sizeBytes: 204800 }] },
      ],
    });
  });

  it('ends the chain on a village rejection: one case.decided event and a notification the committee marks delivered', async () => {
    const caseId = await insertCase();
    await startWorkflow(caseId);
    const chain = [
      step('RESPONSE', 'DONE'),
      step('HOME_VERIFICATION', 'DONE'),
      step('PROPERTY_CHECK', 'SENT'),
      ...['CIVIL_AFFAIRS', 'NATURAL_RESOURCES', 'MARKET_REGULATION', 'PUBLIC_SECURITY'].map((department) =>
        step('PROPERTY_CHECK', 'CLEAR', { department }),
      ),
    ];
    for (const decision of chain) {
      const answer = await post(caseId, decision);
      expect({ step: decision.step, status: answer.statusCode, body: answer.json() }).toMatchObject({ status: 200 });
    }
    const reason = '村民代表评议认为家庭有稳定务工收入，人均纯收入高于监测线';
    const rejected = await post(caseId, step('VILLAGE_REVIEW', 'REJECTED', { reason }));
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ resultingStep: 'REJECTED', outcome: 'REJECTED' });
    const notificationId: string = rejected.json().notificationId;
    expect(notificationId).toEqual(expect.any(String));
    expect(await outboxRows(caseId, 'case.decided')).toBe(1);

    const progress = (await approval.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/progress` })).json();
    expect(progress).toMatchObject({ outcome: 'REJECTED', notification: { id: notificationId, deliveredAt: null } });
    expect(progress.notification.text).toContain(`原因：${reason}。`);

    const delivered = await approval.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/notifications/${notificationId}/delivered`,
      payload: { deliveredBy: '村委会-李四', deliveredAt: '2026-11-20T15:00:00+08:00' },
    });
    expect(delivered.json()).toEqual({
      id: notificationId,
      deliveredAt: '2026-11-20T07:00:00.000Z',
      deliveredBy: '村委会-李四',
    });
  });

  it('upgrades a watched BLUE household on its first risk point: the workflow starts its chain, ledgered once', async () => {
    const caseId = await insertCase('BLUE_WATCH');
    const report = {
      riskPoint: '户主突发脑梗住院，自付医疗费用预计超过3万元',
      observedAt: '2026-11-10T09:30:00+08:00',
      reportedBy: 'village-monitor-12',
    };
    const headers = { 'idempotency-key': randomUUID() };
    const url = `/api/v1/cases/${caseId}/risk-points`;
    const first = await approval.app.inject({ method: 'POST', url, payload: report, headers });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ alreadyRecorded: false });
    const again = await approval.app.inject({ method: 'POST', url, payload: report, headers });
    expect(again.json()).toMatchObject({ alreadyRecorded: true });

    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const upgraded = await waitFor(
      async () => {
        const current = await handle.query(caseStateQuery);
        return current.step === 'AWAITING_RESPONSE' && current.deadlines.length > 0 ? current : undefined;
      },
      { timeoutMs: 30_000, description: 'the BLUE household upgraded into the chain' },
    );
    expect(upgraded.deadlines.map((d) => d.kind)).toContain('RESPONSE');
    expect(await ledgerRows(caseId)).toBe(1);
    expect(await outboxRows(caseId, 'case.risk-point-reported')).toBe(1);

    // Upgraded: a suspected case on the chain now; a second upgrade through this door is refused.
    const [{ status }] = await approval.sql<{ status: string }>(`SELECT status FROM household_case WHERE id = $1`, [caseId]);
    expect(status).toBe('SUSPECTED');
    const second = await approval.app.inject({
      method: 'POST',
      url,
      payload: { ...report, riskPoint: '次子辍学' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CASE.NOT_BLUE_WATCH');
    expect(await outboxRows(caseId, 'case.risk-point-reported')).toBe(1);
  });

  it('keeps the ledger append-only: the database refuses to change or delete a decision', async () => {
    const caseId = await insertCase();
    await approval.sql(
      `INSERT INTO step_decision (decision_id, case_id, kind, step, result, actor, decided_at, resulting_step)
       VALUES ($1, $2, 'STEP', 'RESPONSE', 'DONE', 'clerk-0451', now(), 'HOME_VERIFICATION')`,
      [randomUUID(), caseId],
    );
    await expect(
      approval.sql(`UPDATE step_decision SET result = 'REJECTED' WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/只允许追加/);
    await expect(approval.sql(`DELETE FROM step_decision WHERE case_id = $1`, [caseId])).rejects.toThrow(/只允许追加/);
  });

  it('answers 409 CASE.WORKFLOW_NOT_STARTED before the bridge has started the workflow, storing nothing', async () => {
    const caseId = await insertCase();
    const answer = await post(caseId, step('RESPONSE', 'DONE'));
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('CASE.WORKFLOW_NOT_STARTED');
    expect(await ledgerRows(caseId)).toBe(0);
  });

  it('reports Temporal in the health check', async () => {
    const health = await approval.app.inject({ method: 'GET', url: '/health' });
    expect(health.json().checks.temporal).toMatchObject({ status: 'up' });
  });
});
