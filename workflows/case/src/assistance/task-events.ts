import type { AssistanceEventPayloads, AssistanceTask, AssistanceWorkflowState } from '@prp/contracts';
import { cancelClock, findClock, resolveClock, startCalendarClock } from './assistance-clocks';
import { firstDayOfMonth, lastDayOfQuarter, quarterOf } from './periods';

export function reportClockId(taskId: string, period: string): string {
  return `MONTHLY_REPORT:${taskId}:${period}`;
}

export function visitClockId(quarter: string): string {
  return `QUARTERLY_VISIT:${quarter}`;
}

function isOpen(task: AssistanceTask): boolean {
  return task.status === 'OPEN' || task.status === 'ACKNOWLEDGED';
}

/**
 * The monthly report the task owes for the current month, due on the month's last working day. A report
 * already received for that period meets it at once.
 */
export function startReportClock(state: AssistanceWorkflowState, task: AssistanceTask): void {
  const month = state.month;
  if (month) startReportClockFor(state, task, month.period, month.dueDate);
}

/** The report an open task owes for `period` (a month), due on `dueDate`; met at once if already reported. */
export function startReportClockFor(
  state: AssistanceWorkflowState,
  task: AssistanceTask,
  period: string,
  dueDate: string,
): void {
  if (!isOpen(task)) return;
  const from = task.createdOn > firstDayOfMonth(period) ? task.createdOn : firstDayOfMonth(period);
  const clock = startCalendarClock(state, reportClockId(task.taskId, period), 'MONTHLY_REPORT', from, dueDate, {
    taskId: task.taskId,
    department: task.department,
    period,
  });
  if (task.reportedPeriods.includes(period)) resolveClock(clock, dueDate);
}

/** Every open task owes a report for the month that just began. */
export function startMonthReports(state: AssistanceWorkflowState): void {
  for (const task of state.tasks) startReportClock(state, task);
}

/** The quarter's visit clock, due at the end of the quarter's last day; a visit already recorded meets it. */
export function startVisitClock(state: AssistanceWorkflowState, from: string): void {
  const quarter = quarterOf(from);
  const clock = startCalendarClock(state, visitClockId(quarter), 'QUARTERLY_VISIT', from, lastDayOfQuarter(quarter), {
    period: quarter,
  });
  const visit = state.visits.find((v) => v.quarter === quarter);
  if (visit) resolveClock(clock, visit.visitedOn);
}

/**
 * A new task owes a report for the current month unless it was created on or after that month's report
 * day (then its first report is owed for the next month). Returns the task when it is new (earlier months
 * are `startPastReportClocks`'s, which needs the calendar).
 */
export function onTaskCreated(
  state: AssistanceWorkflowState,
  event: AssistanceEventPayloads['task.created'],
): AssistanceTask | undefined {
  if (state.tasks.some((t) => t.taskId === event.taskId)) return undefined;
  const task: AssistanceTask = { ...event, status: 'OPEN', reportedPeriods: [] };
  state.tasks.push(task);
  if (state.month && event.createdOn < state.month.dueDate) startReportClock(state, task);
  return task;
}

export function onTaskReported(state: AssistanceWorkflowState, event: AssistanceEventPayloads['task.reported']): void {
  const task = state.tasks.find((t) => t.taskId === event.taskId);
  if (task && !task.reportedPeriods.includes(event.period)) task.reportedPeriods.push(event.period);
  resolveClock(findClock(state, reportClockId(event.taskId, event.period)), event.reportedOn);
}

/** A completed task's final report settles the current month; a rejected one owes nothing more. */
export function onTaskClosed(
  state: AssistanceWorkflowState,
  taskId: string,
  status: 'COMPLETED' | 'REJECTED',
  on: string,
): void {
  const task = state.tasks.find((t) => t.taskId === taskId);
  if (!task || !isOpen(task)) return;
  task.status = status;
  task.closedOn = on;
  for (const clock of state.clocks.filter((c) => c.taskId === taskId && c.status === 'RUNNING')) {
    if (status === 'COMPLETED') resolveClock(clock, on);
    else cancelClock(clock, on);
  }
}

export function onTaskAcknowledged(state: AssistanceWorkflowState, taskId: string): void {
  const task = state.tasks.find((t) => t.taskId === taskId);
  if (task?.status === 'OPEN') task.status = 'ACKNOWLEDGED';
}

export function onVisitRecorded(
  state: AssistanceWorkflowState,
  event: AssistanceEventPayloads['visit.recorded'],
): void {
  if (state.visits.some((v) => v.visitId === event.visitId)) return;
  const quarter = event.quarter ?? quarterOf(event.visitedOn);
  state.visits.push({ visitId: event.visitId, visitedOn: event.visitedOn, quarter });
  resolveClock(findClock(state, visitClockId(quarter)), event.visitedOn);
}
