import { randomUUID } from 'crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApplicationFailure, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { CaseWorkflowState } from '@prp/contracts';
import { caseRef, createApprovalTestApp, createFakes, type ApprovalFakes } from '../test/approval-test-app';

const SHA = 'a'.repeat(64);
const state = (step: CaseWorkflowState['step'], extra: Partial<CaseWorkflowState> = {}): CaseWorkflowState => ({
  caseId: 'x',
  step,
  deadlines: [],
  ...extra,
});

describe('POST /api/v1/cases/:id/steps', () => {
  let fakes: ApprovalFakes;
  let app: NestFastifyApplication;
  const caseId = randomUUID();

  beforeEach(async () => {
    fakes = createFakes();
    fakes.cases.set(caseId, caseRef(caseId));
    app = await createApprovalTestApp(fakes);
  });
  afterEach(async () => app.close());

  const post = (body: object, headers: Record<string, string> = {}, id = caseId) =>
    app.inject({ method: 'POST', url: `/api/v1/cases/${id}/steps`, payload: body, headers });
  const verification = (extra: object = {}) => ({
    decisionId: randomUUID(),
    step: 'HOME_VERIFICATION',
    result: 'DONE',
    actor: 'clerk-0451',
    decidedAt: '2026-11-05T10:00:00+08:00',
    attachments: [{ name: '入户核实表.jpg', contentType: 'image/jpeg', sizeBytes: 204800, sha256: SHA }],
    ...extra,
  });

  it('hands an accepted step to the workflow with the decisionId as update id and answers the resulting step', async () => {
    fakes.executeUpdate.mockResolvedValue(state('PROPERTY_CHECK'));
    const body = verification();
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      decisionId: body.decisionId,
      resultingStep: 'PROPERTY_CHECK',
      alreadyRecorded: false,
    });
    const [, options] = fakes.executeUpdate.mock.calls[0];
    expect(options.updateId).toBe(body.decisionId);
    expect(options.args[0]).toMatchObject({
      step: 'HOME_VERIFICATION',
      actor: 'clerk-0451',
      attachments: [{ sizeBytes: 204800 }],
    });
    expect(fakes.appendStep).toHaveBeenCalledTimes(1);
  });

  it('refuses a decision dated in the future, naming decidedAt, and asks the workflow nothing', async () => {
    const response = await post(verification({ decidedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'decidedAt', code: 'STEP.DECIDED_IN_FUTURE' })]);
    expect(fakes.executeUpdate).not.toHaveBeenCalled();
    expect(fakes.appendStep).not.toHaveBeenCalled();
  });

  it('takes the decision id from the Idempotency-Key header when the body has none', async () => {
    fakes.executeUpdate.mockResolvedValue(state('PROPERTY_CHECK'));
    const key = randomUUID();
    const response = await post(verification({ decisionId: undefined }), { 'idempotency-key': key });
    expect(response.statusCode).toBe(200);
    expect(fakes.executeUpdate.mock.calls[0][1].updateId).toBe(key);
  });

  it('refuses a step without any decision id, so a retry can never be recorded twice', async () => {
    const response = await post(verification({ decisionId: undefined }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'decisionId', code: 'FIELD.REQUIRED' })]);
    expect(fakes.executeUpdate).not.toHaveBeenCalled();
  });

  it('names every bad field with a stable code and a Chinese message, and touches nothing', async () => {
    const body = verification({
      result: 'APPROVED',
      actor: '',
      attachments: [{ name: 'a', contentType: 'x', sizeBytes: -1, sha256: 'zz' }],
    });
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    const errors: { field: string; code: string; message: string }[] = response.json().errors;
    expect(errors.map((e) => e.field).sort()).toEqual([
      'actor',
      'attachments.0.sha256',
      'attachments.0.sizeBytes',
      'result',
    ]);
    expect(errors.find((e) => e.field === 'result')).toMatchObject({ code: 'STEP.RESULT_NOT_ALLOWED' });
    expect(errors.find((e) => e.field === 'result')?.message).toContain('DONE/REJECTED');
    expect(fakes.executeUpdate).not.toHaveBeenCalled();
  });

  it('requires a reason to reject and a department for a property-check answer', async () => {
    const rejected = await post(verification({ step: 'VILLAGE_REVIEW', result: 'REJECTED' }));
    expect(rejected.json().errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'STEP.REASON_REQUIRED' }),
    ]);
    const answer = await post(verification({ step: 'PROPERTY_CHECK', result: 'CLEAR' }));
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ field: 'department', code: 'STEP.DEPARTMENT_REQUIRED' }),
    ]);
  });

  it("answers 409 with the workflow validator's Chinese reason when the step is out of order, storing nothing", async () => {
    const refusal = ApplicationFailure.create({
      message: '当前环节为入户核实，不能登记县级审定',
      type: 'CASE.STEP_OUT_OF_ORDER',
    });
    fakes.executeUpdate.mockRejectedValue(new WorkflowUpdateFailedError('update failed', refusal));
    const response = await post(verification({ step: 'COUNTY_APPROVAL', result: 'APPROVED' }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CASE.STEP_OUT_OF_ORDER',
      message: '当前环节为入户核实，不能登记县级审定',
    });
    expect(fakes.appendStep).not.toHaveBeenCalled();
  });

  it('answers 409 CASE.WORKFLOW_NOT_STARTED while the workflow has not been started yet', async () => {
    fakes.executeUpdate.mockRejectedValue(new WorkflowNotFoundError('not found', `case-${caseId}`, undefined));
    const response = await post(verification());
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CASE.WORKFLOW_NOT_STARTED');
    expect(response.json().message).toMatch(/尚未启动/);
  });

  it('answers 409 CASE.NOT_IN_CHAIN for a screened-out household, which never gets a workflow', async () => {
    fakes.cases.set(caseId, caseRef(caseId, 'SCREENED_OUT'));
    fakes.executeUpdate.mockRejectedValue(new WorkflowNotFoundError('not found', `case-${caseId}`, undefined));
    const response = await post(verification());
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CASE.NOT_IN_CHAIN',
      message: expect.stringContaining('经筛查不纳入'),
    });
  });

  it('answers 503 when Temporal cannot be reached, and stores nothing', async () => {
    const unavailable = Object.assign(new Error('14 UNAVAILABLE: connect ECONNREFUSED'), { code: 14 });
    fakes.executeUpdate.mockRejectedValue(new ServiceError('Failed to execute update', { cause: unavailable }));
    const response = await post(verification());
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('WORKFLOW.UNAVAILABLE');
    expect(fakes.appendStep).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown case without asking the workflow', async () => {
    const response = await post(verification(), {}, randomUUID());
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('CASE.NOT_FOUND');
    expect(fakes.executeUpdate).not.toHaveBeenCalled();
  });

  it('returns the stored answer for a decision already in the ledger without calling the workflow again', async () => {
    const body = verification();
    fakes.replay.mockResolvedValue({
      caseId,
      decisionId: body.decisionId,
      step: 'HOME_VERIFICATION',
      result: 'DONE',
      resultingStep: 'PROPERTY_CHECK',
      outcome: null,
      notificationId: null,
      alreadyRecorded: true,
    });
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ resultingStep: 'PROPERTY_CHECK', alreadyRecorded: true });
    expect(fakes.executeUpdate).not.toHaveBeenCalled();
  });
});
