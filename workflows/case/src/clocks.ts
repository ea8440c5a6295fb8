import { proxyActivities, upsertSearchAttributes, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import {
  CASE_SEARCH_ATTRIBUTES,
  NON_RETRYABLE_ACTIVITY_ERRORS,
  type AreaLevel,
  type CaseActivities,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type DeadlineKind,
  type DeadlineState,
} from '@prp/contracts';

/** How every activity of the case and assistance workflows is called: retried with backoff unless refused for good. */
export const ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: [...NON_RETRYABLE_ACTIVITY_ERRORS],
  },
};

export const activities = proxyActivities<CaseActivities>(ACTIVITY_OPTIONS);

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an instant (workflow time when omitted). */
export function shanghaiDate(at: number | string = Date.now()): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Last calendar day of the month of `date`, `monthsLater` months on. */
export function endOfMonth(date: string, monthsLater: number): string {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month + monthsLater, 0)).toISOString().slice(0, 10);
}

/** Who answers for a missed clock, and who it is escalated to. */
export const ESCALATION: Record<DeadlineKind, { responsibleLevel: AreaLevel; escalatedTo: AreaLevel }> = {
  RESPONSE: { responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' },
  DETERMINATION: { responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' },
  COUNTY_BATCH: { responsibleLevel: 'COUNTY', escalatedTo: 'CITY' },
  // Assistance clocks (assistanceWorkflow, workflows/case/src/assistance): township manages helpers, county line departments report.
  HELPER_ASSIGNMENT: { responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' },
  MEASURES_START: { responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' },
  HELPER_REPLACEMENT: { responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' },
  QUARTERLY_VISIT: { responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' },
  MONTHLY_REPORT: { responsibleLevel: 'COUNTY', escalatedTo: 'CITY' },
};

export async function startClock(state: CaseWorkflowState, kind: DeadlineKind, from: string, workingDays: number) {
  const due = await activities.computeDeadline({ from, workingDays });
  const clock: DeadlineState = {
    kind,
    workingDays,
    startedOn: from,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    status: 'RUNNING',
  };
  state.deadlines.push(clock);
  return clock;
}

export function findClock(state: CaseWorkflowState, kind: DeadlineKind): DeadlineState | undefined {
  return state.deadlines.find((d) => d.kind === kind);
}

/** A clock is met (an overdue one stays OVERDUE, with the time it was finally met). */
export function meetClock(clock: DeadlineState | undefined, at: string): void {
  if (!clock || clock.metAt) return;
  if (clock.status === 'RUNNING' || clock.status === 'PAUSED') clock.status = 'MET';
  clock.metAt = at;
}

/**
 * Pauses the DETERMINATION clock on day P (the property check went out). The working days used before the
 * pause are those in (startedOn, P); a clock already overdue stays overdue (its time ran out first).
 */
export async function pauseClock(state: CaseWorkflowState, clock: DeadlineState | undefined, reason: string) {
  const now = new Date(Date.now()).toISOString();
  if (!clock || clock.status !== 'RUNNING' || !clock.startedOn) return;
  const pausedOn = shanghaiDate();
  clock.consumedWorkingDays = Math.max(
    0,
    await activities.countWorkingDays({ from: clock.startedOn, to: addDays(pausedOn, -1) }),
  );
  clock.status = 'PAUSED';
  (state.paused ??= []).push({ from: now, reason });
}

/** Resumes on day R: the working days of [P, R) do not count; due = R - 1 + (N - consumed) working days. */
export async function resumeClock(state: CaseWorkflowState, clock: DeadlineState | undefined) {
  const open = state.paused?.find((p) => p.until === undefined);
  if (open) open.until = new Date(Date.now()).toISOString();
  if (!clock || clock.status !== 'PAUSED') return;
  const remaining = Math.max(0, clock.workingDays - (clock.consumedWorkingDays ?? 0));
  const due = await activities.computeDeadline({ from: addDays(shanghaiDate(), -1), workingDays: remaining });
  Object.assign(clock, { dueDate: due.dueDate, dueAt: due.dueAt, status: 'RUNNING' });
}

/**
 * The county's monthly batch cut-off for a case reaching county approval on `reachedOn`: the last working day
 * of that month, or of the next month when fewer than `minWorkingDays` working days remain after `reachedOn`.
 */
export async function startCountyBatchClock(state: CaseWorkflowState, reachedOn: string, minWorkingDays: number) {
  let left = await activities.countWorkingDays({ from: reachedOn, to: endOfMonth(reachedOn, 0) });
  if (left < minWorkingDays)
    left = await activities.countWorkingDays({ from: reachedOn, to: endOfMonth(reachedOn, 1) });
  return startClock(state, 'COUNTY_BATCH', reachedOn, left);
}

/** Marks every running clock whose due instant has passed OVERDUE and reports it, escalated one level up. */
export async function reportOverdue(input: CaseWorkflowInput, state: CaseWorkflowState): Promise<void> {
  const late = state.deadlines.filter((d) => d.status === 'RUNNING' && Date.parse(d.dueAt) <= Date.now());
  for (const clock of late) {
    clock.status = 'OVERDUE';
    clock.overdueSince = clock.dueAt;
    publishState(input, state);
    await activities.emitDeadlineOverdue({
      caseId: input.caseId,
      areaCode: input.areaCode,
      workflowId: workflowInfo().workflowId,
      kind: clock.kind,
      dueDate: clock.dueDate,
      dueAt: clock.dueAt,
      ...ESCALATION[clock.kind],
    });
  }
}

/** Earliest due instant of a RUNNING clock (ms), if any. */
export function nextDueAt(state: CaseWorkflowState): number | undefined {
  const due = state.deadlines.filter((d) => d.status === 'RUNNING').map((d) => Date.parse(d.dueAt));
  return due.length ? Math.min(...due) : undefined;
}

/** Mirrors the state to the search attributes operators list cases by. */
export function publishState(input: CaseWorkflowInput, state: CaseWorkflowState): void {
  const next = nextDueAt(state);
  upsertSearchAttributes([
    { key: CASE_SEARCH_ATTRIBUTES.step, value: state.step },
    { key: CASE_SEARCH_ATTRIBUTES.areaCode, value: input.areaCode },
    {
      key: CASE_SEARCH_ATTRIBUTES.overdueKinds,
      value: state.deadlines.filter((d) => d.status === 'OVERDUE').map((d) => d.kind),
    },
    { key: CASE_SEARCH_ATTRIBUTES.nextDueAt, value: next === undefined ? null : new Date(next) },
  ]);
}
