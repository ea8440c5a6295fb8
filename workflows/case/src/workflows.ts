import {
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  CASE_SEARCH_ATTRIBUTES,
  caseRespondedSignal,
  caseStateQuery,
  caseSubmittedSignal,
  DEFAULT_RESPONSE_WORKING_DAYS,
  NON_RETRYABLE_ACTIVITY_ERRORS,
  type CaseActivities,
  type CaseRespondedSignal,
  type CaseStep,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type DeadlineState,
} from '@prp/contracts';

const { computeDeadline, emitDeadlineOverdue } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: [...NON_RETRYABLE_ACTIVITY_ERRORS],
  },
});

/**
 * One household's case (workflow id `case-<caseId>`). The walking skeleton runs the first statutory
 * clock: respond within 5 working days of discovery. A missed deadline is a state (OVERDUE, reported
 * and escalated one level up), never a failure: the case keeps waiting for its response.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  let responded: CaseRespondedSignal | undefined;
  const state: CaseWorkflowState = { caseId: input.caseId, step: 'AWAITING_RESPONSE', deadlines: [] };
  setHandler(caseSubmittedSignal, () => undefined); // repeated deliveries of the same submission
  setHandler(caseRespondedSignal, (signal) => {
    responded ??= signal;
  });
  setHandler(caseStateQuery, () => state);

  const due = await computeDeadline({ from: input.discoveredOn, workingDays: DEFAULT_RESPONSE_WORKING_DAYS });
  const clock: DeadlineState = { kind: 'RESPONSE', workingDays: DEFAULT_RESPONSE_WORKING_DAYS, ...pick(due), status: 'RUNNING' };
  state.deadlines.push(clock);
  publishState(input, state, clock);

  const metInTime = await waitUntil(() => responded !== undefined, clock.dueAt);
  if (!metInTime) {
    clock.status = 'OVERDUE';
    clock.overdueSince = clock.dueAt;
    publishState(input, state, clock);
    await emitDeadlineOverdue({
      caseId: input.caseId,
      areaCode: input.areaCode,
      workflowId: workflowInfo().workflowId,
      kind: clock.kind,
      dueDate: clock.dueDate,
      dueAt: clock.dueAt,
      responsibleLevel: 'TOWNSHIP',
      escalatedTo: 'COUNTY',
    });
    await condition(() => responded !== undefined);
  } else {
    clock.status = 'MET';
  }
  clock.metAt = responded?.respondedAt;
  state.step = 'RESPONDED';
  publishState(input, state, undefined);
  return state;
}

function pick(due: { dueDate: string; dueAt: string }) {
  return { dueDate: due.dueDate, dueAt: due.dueAt };
}

/** Waits for `done` until the instant `dueAt`; true if done in time. Already past due: checks once. */
async function waitUntil(done: () => boolean, dueAt: string): Promise<boolean> {
  const remaining = Date.parse(dueAt) - Date.now();
  if (remaining <= 0) return done();
  return condition(done, remaining);
}

function publishState(input: CaseWorkflowInput, state: CaseWorkflowState, running: DeadlineState | undefined): void {
  const overdue = state.deadlines.filter((d) => d.status === 'OVERDUE').map((d) => d.kind);
  const step: CaseStep = state.step;
  upsertSearchAttributes([
    { key: CASE_SEARCH_ATTRIBUTES.step, value: step },
    { key: CASE_SEARCH_ATTRIBUTES.areaCode, value: input.areaCode },
    { key: CASE_SEARCH_ATTRIBUTES.overdueKinds, value: overdue },
    ...(running ? [{ key: CASE_SEARCH_ATTRIBUTES.nextDueAt, value: new Date(running.dueAt) }] : []),
  ]);
}
