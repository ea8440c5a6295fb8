import { allHandlersFinished, condition, patched, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  CASE_SEARCH_ATTRIBUTES,
  caseRespondedSignal,
  caseStateQuery,
  caseSubmittedSignal,
  DEFAULT_RESPONSE_WORKING_DAYS,
  recordStepUpdate,
  riskPointAppearedSignal,
  type CaseRespondedSignal,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type DeadlineState,
  type RiskPointAppearedSignal,
} from '@prp/contracts';
import { CaseRun } from './case-run';
import { activities, shanghaiDate } from './clocks';

/** Marks executions that run the approval chain; executions started before it replay the walking skeleton. */
export const APPROVAL_CHAIN_PATCH = 'approval-chain-v1';

/**
 * One household's case (workflow id `case-<caseId>`): the statutory approval chain with its clocks
 * (RESPONSE, DETERMINATION paused during the property check, the public notice timer, the county batch).
 * A missed deadline is a state (OVERDUE, reported and escalated one level up), never a failure.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  if (!patched(APPROVAL_CHAIN_PATCH)) return walkingSkeleton(input);
  const run = new CaseRun(input);
  let risk: RiskPointAppearedSignal | undefined;
  setHandler(caseSubmittedSignal, () => undefined); // repeated deliveries of the same submission
  setHandler(caseRespondedSignal, (signal) => run.onResponded(signal));
  setHandler(riskPointAppearedSignal, (signal) => {
    risk ??= signal;
  });
  setHandler(caseStateQuery, () => run.state);
  setHandler(recordStepUpdate, (decision) => run.record(decision), { validator: (decision) => run.validate(decision) });

  let from = input.discoveredOn;
  if (run.state.step === 'BLUE_WATCH') {
    publish(input, run.state.step);
    await condition(() => risk !== undefined); // BLUE: watched without clocks until a risk point appears
    from = shanghaiDate(risk?.observedAt);
  }
  await run.startClocks(from, await activities.loadClockPolicy({ areaCode: input.areaCode, on: from }));
  while (run.state.outcome === undefined) {
    const seen = run.changes;
    const timer = run.nextTimer();
    const remaining = timer === undefined ? undefined : timer - Date.now();
    const woken = () => run.changes !== seen || run.hasPendingResponse();
    if (remaining === undefined) await condition(woken);
    else if (remaining > 0) await condition(woken, remaining);
    if (run.state.outcome === undefined) await run.tick();
  }
  await condition(allHandlersFinished);
  return run.state;
}

function publish(input: CaseWorkflowInput, step: CaseWorkflowState['step']): void {
  upsertSearchAttributes([
    { key: CASE_SEARCH_ATTRIBUTES.step, value: step },
    { key: CASE_SEARCH_ATTRIBUTES.areaCode, value: input.areaCode },
  ]);
}

/** The walking-skeleton version (before APPROVAL_CHAIN_PATCH): the response clock only. Kept for replay. */
async function walkingSkeleton(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  let responded: CaseRespondedSignal | undefined;
  const state: CaseWorkflowState = { caseId: input.caseId, step: 'AWAITING_RESPONSE', deadlines: [] };
  setHandler(caseSubmittedSignal, () => undefined);
  setHandler(caseRespondedSignal, (signal) => {
    responded ??= signal;
  });
  setHandler(caseStateQuery, () => state);

  const due = await activities.computeDeadline({ from: input.discoveredOn, workingDays: DEFAULT_RESPONSE_WORKING_DAYS });
  const clock: DeadlineState = { kind: 'RESPONSE', workingDays: DEFAULT_RESPONSE_WORKING_DAYS, dueDate: due.dueDate, dueAt: due.dueAt, status: 'RUNNING' };
  state.deadlines.push(clock);
  legacyPublish(input, state, clock);
  const remaining = Date.parse(clock.dueAt) - Date.now();
  const metInTime = remaining <= 0 ? responded !== undefined : await condition(() => responded !== undefined, remaining);
  if (!metInTime) {
    clock.status = 'OVERDUE';
    clock.overdueSince = clock.dueAt;
    legacyPublish(input, state, clock);
    const { workflowId } = workflowInfo();
    await activities.emitDeadlineOverdue({ caseId: input.caseId, areaCode: input.areaCode, workflowId, kind: clock.kind, dueDate: clock.dueDate, dueAt: clock.dueAt, responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' });
    await condition(() => responded !== undefined);
  } else {
    clock.status = 'MET';
  }
  clock.metAt = responded?.respondedAt;
  state.step = 'RESPONDED';
  legacyPublish(input, state, undefined);
  return state;
}

function legacyPublish(input: CaseWorkflowInput, state: CaseWorkflowState, running: DeadlineState | undefined): void {
  const overdue = state.deadlines.filter((d) => d.status === 'OVERDUE').map((d) => d.kind);
  upsertSearchAttributes([
    { key: CASE_SEARCH_ATTRIBUTES.step, value: state.step },
    { key: CASE_SEARCH_ATTRIBUTES.areaCode, value: input.areaCode },
    { key: CASE_SEARCH_ATTRIBUTES.overdueKinds, value: overdue },
    ...(running ? [{ key: CASE_SEARCH_ATTRIBUTES.nextDueAt, value: new Date(running.dueAt) }] : []),
  ]);
}

// The assistance workflow (assistance-<caseId>) lives in the same bundle.
export { assistanceWorkflow } from './assistance';
