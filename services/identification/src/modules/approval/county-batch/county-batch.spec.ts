import { randomUUID } from 'crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { caseRef, createApprovalTestApp, createFakes, type ApprovalFakes } from '../test/approval-test-app';
import { batchDecisionId } from './batch-decision-id';

describe('county monthly approval batch', () => {
  let fakes: ApprovalFakes;
  let app: NestFastifyApplication;
  const [first, second, third, elsewhere] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeEach(async () => {
    fakes = createFakes();
    for (const id of [first, second, third]) fakes.cases.set(id, caseRef(id));
    fakes.cases.set(elsewhere, caseRef(elsewhere, 'SUSPECTED', '431122101201'));
    app = await createApprovalTestApp(fakes);
  });
  afterEach(async () => app.close());

  const post = (body: object, county = '450222000000') =>
    app.inject({ method: 'POST', url: `/api/v1/counties/${county}/approval-batches`, payload: body });

  it('records each case through the workflow, and one refused case does not stop the others', async () => {
    const refusal = ApplicationFailure.create({
      message: '案件尚在公示期，不能县级审定',
      type: 'CASE.STEP_OUT_OF_ORDER',
    });
    fakes.executeUpdate
      .mockResolvedValueOnce({ caseId: first, step: 'INCLUDED', deadlines: [], outcome: 'INCLUDED' })
      .mockRejectedValueOnce(new WorkflowUpdateFailedError('update failed', refusal))
      .mockResolvedValueOnce({ caseId: third, step: 'REJECTED', deadlines: [], outcome: 'REJECTED' });
    const response = await post({
      month: '2026-11',
      actor: 'county-approver-7',
      decisions: [
        { caseId: first, result: 'APPROVED' },
        { caseId: second, result: 'APPROVED' },
        { caseId: third, result: 'REJECTED', reason: '家庭人均纯收入高于监测线' },
        { caseId: elsewhere, result: 'APPROVED' },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().verdicts).toEqual([
      { caseId: first, status: 'RECORDED', resultingStep: 'INCLUDED', outcome: 'INCLUDED' },
      { caseId: second, status: 'REFUSED', code: 'CASE.STEP_OUT_OF_ORDER', message: '案件尚在公示期，不能县级审定' },
      { caseId: third, status: 'RECORDED', resultingStep: 'REJECTED', outcome: 'REJECTED' },
      {
        caseId: elsewhere,
        status: 'REFUSED',
        code: 'CASE.OUTSIDE_COUNTY',
        message: expect.stringContaining('不属于县450222'),
      },
    ]);
    expect(fakes.appendStep).toHaveBeenCalledTimes(2);
    const [, decision, , batch] = fakes.appendStep.mock.calls[1];
    expect(decision).toMatchObject({ step: 'COUNTY_APPROVAL', result: 'REJECTED', reason: '家庭人均纯收入高于监测线' });
    expect(decision.decisionId).toBe(batchDecisionId('450222', '2026-11', third));
    expect(batch).toBe('450222:2026-11');
  });

  it('lists as pending the cases at county approval, asking the workflow about those whose notice period may have ended', async () => {
    const row = (caseId: string, step: string) => ({
      caseId,
      caseNo: `JC-${step}`,
      areaCode: '450222101201',
      waitingSince: '2026-11-20T00:00:00Z',
      step,
    });
    fakes.progressRows = [row(first, 'COUNTY_APPROVAL'), row(second, 'PUBLIC_NOTICE'), row(third, 'PUBLIC_NOTICE')];
    fakes.queryState
      .mockResolvedValueOnce({ caseId: second, step: 'COUNTY_APPROVAL', deadlines: [] })
      .mockResolvedValueOnce({ caseId: third, step: 'PUBLIC_NOTICE', deadlines: [] });
    const response = await app.inject({ method: 'GET', url: '/api/v1/counties/450222/approval-batches/pending' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      county: '450222',
      items: [
        { caseId: first, caseNo: 'JC-COUNTY_APPROVAL', areaCode: '450222101201', waitingSince: '2026-11-20T00:00:00Z' },
        { caseId: second, caseNo: 'JC-PUBLIC_NOTICE', areaCode: '450222101201', waitingSince: '2026-11-20T00:00:00Z' },
      ],
      unconfirmed: [],
    });
    expect(fakes.queryState).toHaveBeenCalledTimes(2);
  });

  it('names a case whose workflow cannot be asked as unconfirmed instead of failing the whole list', async () => {
    const row = (caseId: string, step: string) => ({ caseId, caseNo: 'JC', areaCode: '450222101201', waitingSince: 'x', step });
    fakes.progressRows = [row(first, 'COUNTY_APPROVAL'), row(second, 'PUBLIC_NOTICE')];
    fakes.queryState.mockRejectedValueOnce(new Error('no poller seen for task queue recently'));
    const response = await app.inject({ method: 'GET', url: '/api/v1/counties/450222/approval-batches/pending' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((i: { caseId: string }) => i.caseId)).toEqual([first]);
    expect(response.json().unconfirmed).toEqual([second]);
  });

  it('refuses a rejection without a reason and a malformed month before recording anything', async () => {
    const response = await post({ month: '2026-13', actor: 'a', decisions: [{ caseId: first, result: 'REJECTED' }] });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['decisions.0.reason', 'month']);
    expect(fakes.executeUpdate).not.toHaveBeenCalled();
  });

  it('dates every decision of a batch entered after the meeting by the meeting, and refuses a meeting in the future', async () => {
    fakes.executeUpdate.mockResolvedValue({ caseId: first, step: 'INCLUDED', deadlines: [], outcome: 'INCLUDED' });
    const meeting = '2026-10-28T15:00:00+08:00';
    const response = await post({ month: '2026-10', actor: 'county-approver-7', decidedAt: meeting, decisions: [{ caseId: first, result: 'APPROVED' }] });
    expect(response.statusCode).toBe(200);
    expect(fakes.appendStep.mock.calls[0][1]).toMatchObject({ step: 'COUNTY_APPROVAL', decidedAt: meeting });

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const refused = await post({ month: '2026-10', actor: 'county-approver-7', decidedAt: future, decisions: [{ caseId: second, result: 'APPROVED' }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'decidedAt', code: 'STEP.DECIDED_IN_FUTURE' })]);
    expect(fakes.appendStep).toHaveBeenCalledTimes(1);
  });

  it('refuses a county code that is not a county', async () => {
    const response = await post(
      { month: '2026-11', actor: 'a', decisions: [{ caseId: first, result: 'APPROVED' }] },
      '450222101',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      field: 'code',
      message: expect.stringContaining('县级区划代码'),
    });
  });
});

describe('batch decision id', () => {
  it('is the same UUID each time the same case is posted in the same county batch, and differs by month', () => {
    const id = batchDecisionId('450222', '2026-11', '7b0c5c4e-7f73-4a55-9a0e-2f7e0c3b1d11');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(batchDecisionId('450222', '2026-11', '7b0c5c4e-7f73-4a55-9a0e-2f7e0c3b1d11')).toBe(id);
    expect(batchDecisionId('450222', '2026-12', '7b0c5c4e-7f73-4a55-9a0e-2f7e0c3b1d11')).not.toBe(id);
  });
});
