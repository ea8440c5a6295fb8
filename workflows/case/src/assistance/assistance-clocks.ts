import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  CASE_SEARCH_ATTRIBUTES,
  type AssistanceActivities,
  type AssistanceClock,
  type AssistanceDeadlineKind,
  type AssistanceWorkflowState,
} from '@prp/contracts';
import { activities, ACTIVITY_OPTIONS, ESCALATION } from '../clocks';
import { endOf } from './periods';

export { activities };

export const assistanceActivities = proxyActivities<AssistanceActivities>(ACTIVITY_OPTIONS);

/** What identifies a clock besides its kind: the helper, role, task, department or period it is about. */
export type ClockSubject = Pick<AssistanceClock, 'helperId' | 'role' | 'taskId' | 'department' | 'period'>;

export function findClock(state: AssistanceWorkflowState, id: string): AssistanceClock | undefined {
  return state.clocks.find((c) => c.id === id);
}

function addClock(state: AssistanceWorkflowState, clock: AssistanceClock): AssistanceClock {
  const existing = findClock(state, clock.id);
  if (existing) return existing; // a repeated event never starts a clock twice
  state.clocks.push(clock);
  return clock;
}

/** A clock of N working days counted after `from` (the triggering day itself is not counted). */
export async function startWorkingDayClock(
  state: AssistanceWorkflowState,
  id: string,
  kind: AssistanceDeadlineKind,
  from: string,
  workingDays: number,
  subject: ClockSubject = {},
): Promise<AssistanceClock> {
  const existing = findClock(state, id);
  if (existing) return existing;
  const due = await activities.computeDeadline({ from, workingDays });
  return addClock(state, {
    id,
    kind,
    startedOn: from,
    workingDays,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    status: 'RUNNING',
    ...ESCALATION[kind],
    ...subject,
  });
}

/** A clock ending at the end of a calendar day (quarter end, the month's report day). */
export function startCalendarClock(
  state: AssistanceWorkflowState,
  id: string,
  kind: AssistanceDeadlineKind,
  startedOn: string,
  dueDate: string,
  subject: ClockSubject = {},
): AssistanceClock {
  return addClock(state, {
    id,
    kind,
    startedOn,
    dueDate,
    dueAt: endOf(dueDate),
    status: 'RUNNING',
    ...ESCALATION[kind],
    ...subject,
  });
}

/** The awaited fact arrived: MET in time, MET_LATE once the clock had gone overdue. */
export function resolveClock(clock: AssistanceClock | undefined, on: string): void {
  if (!clock || clock.metOn) return;
  if (clock.status === 'RUNNING') clock.status = 'MET';
  else if (clock.status === 'OVERDUE') clock.status = 'MET_LATE';
  else return;
  clock.metOn = on;
}

/** No longer owed (e.g. the task was rejected back to the helper); an overdue one stays overdue. */
export function cancelClock(clock: AssistanceClock, on: string): void {
  if (clock.status !== 'RUNNING') return;
  clock.status = 'CANCELLED';
  clock.metOn = on;
}

/** Every running clock whose due instant passed goes OVERDUE and is reported, escalated one level up. */
export async function reportOverdue(state: AssistanceWorkflowState): Promise<void> {
  const late = state.clocks.filter((c) => c.status === 'RUNNING' && Date.parse(c.dueAt) <= Date.now());
  for (const clock of late) {
    clock.status = 'OVERDUE';
    clock.overdueSince = clock.dueAt;
    await activities.emitDeadlineOverdue({
      caseId: state.caseId,
      areaCode: state.areaCode,
      workflowId: workflowInfo().workflowId,
      kind: clock.kind,
      dueDate: clock.dueDate,
      dueAt: clock.dueAt,
      responsibleLevel: clock.responsibleLevel,
      escalatedTo: clock.escalatedTo,
      subject: subjectOf(clock),
    });
  }
}

/** The task, department, helper or period the clock is about (undefined for the household-wide ones). */
function subjectOf(clock: AssistanceClock) {
  const subject = {
    ...(clock.taskId ? { taskId: clock.taskId } : {}),
    ...(clock.department ? { department: clock.department } : {}),
    ...(clock.helperId ? { helperId: clock.helperId } : {}),
    ...(clock.role ? { role: clock.role } : {}),
    ...(clock.period ? { period: clock.period } : {}),
  };
  return Object.keys(subject).length ? subject : undefined;
}

export function nextDueAt(state: AssistanceWorkflowState): number | undefined {
  const due = state.clocks.filter((c) => c.status === 'RUNNING').map((c) => Date.parse(c.dueAt));
  return due.length ? Math.min(...due) : undefined;
}

/** Mirrors the phase, overdue kinds and next due instant to the case search attributes (only when they changed). */
export function publishState(state: AssistanceWorkflowState, published: { key?: string }): void {
  const next = nextDueAt(state);
  const overdue = [...new Set(state.clocks.filter((c) => c.status === 'OVERDUE').map((c) => c.kind))].sort();
  const key = JSON.stringify([state.phase, state.areaCode, overdue, next]);
  if (key === published.key) return;
  published.key = key;
  upsertSearchAttributes([
    { key: CASE_SEARCH_ATTRIBUTES.step, value: state.phase },
    { key: CASE_SEARCH_ATTRIBUTES.areaCode, value: state.areaCode },
    { key: CASE_SEARCH_ATTRIBUTES.overdueKinds, value: overdue },
    { key: CASE_SEARCH_ATTRIBUTES.nextDueAt, value: next === undefined ? null : new Date(next) },
  ]);
}
