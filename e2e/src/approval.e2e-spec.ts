import { randomUUID } from 'crypto';
import type { Client as PgClient } from 'pg';
import { waitFor } from '@prp/testing';
import { approveInCountyBatch, driveToCountyApproval, progressOf, recordStep, submitSuspected, waitForWorkflow } from './approval-chain';
import { asCountyOffice, COUNTY, get, post, VILLAGE } from './fixtures';
import { startPlatform, type Platform } from './platform';

jest.setTimeout(240_000);

describe('one household from submission to county approval, through the real stack', () => {
  let platform: Platform;
  let db: PgClient;
  let identification: string;
  let reporting: string;

  beforeAll(async () => {
    platform = await startPlatform(['identification', 'reporting', 'case-worker']);
    db = platform.db;
    identification = platform.url('identification');
    reporting = platform.url('reporting');
  });

  afterAll(async () => platform?.stop());

  it('walks the statutory chain, is approved in the county batch, ledgers every step and informs the household', async () => {
    const caseId = await submitSuspected(identification, `chain-${randomUUID()}`);
    await waitForWorkflow(identification, caseId);

    const early = await recordStep(identification, caseId, 'VILLAGE_REVIEW', 'APPROVED', 1);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CASE.STEP_OUT_OF_ORDER' });
    expect(early.body['message']).toMatch(/当前环节/);

    const atCounty = await driveToCountyApproval(identification, caseId);
    expect(atCounty.workflow.decisions?.at(-1)).toMatchObject({ step: 'PUBLIC_NOTICE', result: 'PASSED' });

    const township = await get(`${identification}/api/v1/counties/${COUNTY}/approval-batches/pending`);
    expect(township.body).toMatchObject({ code: 'AUTH.SCOPE' }); // the township cannot act for the county
    const pendingUrl = `${identification}/api/v1/counties/${COUNTY}/approval-batches/pending`;
    const pending = await get(pendingUrl, asCountyOffice());
    expect(pending).toMatchObject({ status: 200 });
    expect((pending.body['items'] as { caseId: string }[]).map((i) => i.caseId)).toContain(caseId);

    const batch = await approveInCountyBatch(identification, COUNTY, caseId);
    expect(batch.status).toBe(200);
    expect(batch.body['verdicts']).toEqual([expect.objectContaining({ caseId, status: 'RECORDED', outcome: 'INCLUDED' })]);
    const again = await approveInCountyBatch(identification, COUNTY, caseId);
    expect(again.body['verdicts']).toEqual([expect.objectContaining({ caseId, status: 'ALREADY_RECORDED' })]);

    const done = await progressOf(identification, caseId);
    expect(done).toMatchObject({ currentStep: 'INCLUDED', outcome: 'INCLUDED' });
    expect(done.decisions.map((d) => `${d.step}:${d.result}`)).toEqual([
      'RESPONSE:DONE',
      'HOME_VERIFICATION:DONE',
      'PROPERTY_CHECK:SENT',
      'PROPERTY_CHECK:CLEAR',
      'PROPERTY_CHECK:CLEAR',
      'PROPERTY_CHECK:CLEAR',
      'PROPERTY_CHECK:CLEAR',
      'VILLAGE_REVIEW:APPROVED',
      'TOWNSHIP_RECHECK:APPROVED',
      'PUBLIC_NOTICE:PASSED',
      'COUNTY_APPROVAL:APPROVED',
    ]);
    expect(done.notification?.text).toMatch(/纳入/);

    const delivered = await post(`${identification}/api/v1/cases/${caseId}/notifications/${done.notification?.id}/delivered`, {
      deliveredBy: '村委会-李四',
      deliveredAt: new Date().toISOString(),
    });
    expect(delivered.status).toBe(200);

    // The ledger is append-only in the database itself.
    await expect(db.query(`DELETE FROM identification.step_decision WHERE case_id = $1`, [caseId])).rejects.toThrow(/只允许追加/);

    // One case.decided leaves through the outbox, with the household summary assistance assigns helpers by.
    const decided = await db.query(
      `SELECT envelope FROM identification.outbox_message WHERE message_key = $1 AND event_type = 'case.decided'`,
      [caseId],
    );
    expect(decided.rows).toHaveLength(1);
    expect(decided.rows[0].envelope.payload).toMatchObject({
      outcome: 'INCLUDED',
      household: { colour: 'YELLOW', category: 'MARGINAL', registeredPoor: false, relocated: false, memberCount: 3 },
    });

    // Reporting follows the case to the end of the chain.
    const stage = await waitFor(
      async () => {
        const stages = await get(`${reporting}/api/v1/stages?areaCode=${VILLAGE}&limit=500`);
        const items = stages.body['items'] as { caseId: string; step: string; outcome: string | null }[];
        const item = items.find((i) => i.caseId === caseId);
        return item?.step === 'INCLUDED' && item;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the included case in the reporting stages' },
    );
    expect(stage).toMatchObject({ outcome: 'INCLUDED' });
  });

  it('sends an objected case back to home verification and a village rejection ends it with the reason', async () => {
    const caseId = await submitSuspected(identification, `objection-${randomUUID()}`, 6);
    await waitForWorkflow(identification, caseId);
    for (const [step, result, extra] of [
      ['RESPONSE', 'DONE', {}],
      ['HOME_VERIFICATION', 'DONE', {}],
      ['PROPERTY_CHECK', 'SENT', {}],
      ['PROPERTY_CHECK', 'CLEAR', { department: 'CIVIL_AFFAIRS' }],
      ['PROPERTY_CHECK', 'CLEAR', { department: 'NATURAL_RESOURCES' }],
      ['PROPERTY_CHECK', 'CLEAR', { department: 'MARKET_REGULATION' }],
      ['PROPERTY_CHECK', 'FOUND', { department: 'PUBLIC_SECURITY', reason: '名下登记小型汽车一辆' }],
      ['VILLAGE_REVIEW', 'APPROVED', {}],
      ['TOWNSHIP_RECHECK', 'APPROVED', {}],
    ] as const) {
      const answer = await recordStep(identification, caseId, step, result, 0, extra);
      expect({ step, status: answer.status }).toEqual({ step, status: 200 });
    }
    expect((await progressOf(identification, caseId)).currentStep).toBe('PUBLIC_NOTICE');
    const objected = await recordStep(identification, caseId, 'PUBLIC_NOTICE', 'OBJECTED', 0, { reason: '村民反映其子女在外经商，有赡养能力' });
    expect(objected.status).toBe(200);
    expect(objected.body).toMatchObject({ resultingStep: 'HOME_VERIFICATION' });

    const reason = '复核发现子女有充足赡养能力';
    const rejected = await recordStep(identification, caseId, 'HOME_VERIFICATION', 'REJECTED', 0, { reason });
    expect(rejected.body).toMatchObject({ resultingStep: 'REJECTED', outcome: 'REJECTED' });
    const done = await progressOf(identification, caseId);
    expect(done.notification?.text).toContain(reason);
  });
});
