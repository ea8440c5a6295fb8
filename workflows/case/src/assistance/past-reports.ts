import { patched } from '@temporalio/workflow';
import type { AssistanceTask, AssistanceWorkflowState } from '@prp/contracts';
import { addDays } from '@prp/calendar';
import { activities } from './assistance-clocks';
import { firstDayOfMonth, lastDayOfMonth, monthOf, nextMonth } from './periods';
import { startReportClockFor } from './task-events';

/**
 * Patch (2026-12): a task created in an earlier month (signalled late, or agreed with an earlier date) owes
 * the reports of those months too. Histories recorded before it replay without the extra clocks.
 */
export const PAST_MONTH_REPORTS_PATCH = 'assistance-past-month-reports';

/** A month's report day: its last working day (working-day calendar), or its last day when it has none. */
export async function reportDayOf(period: string): Promise<string> {
  const before = addDays(firstDayOfMonth(period), -1);
  const last = lastDayOfMonth(period);
  const workingDays = await activities.countWorkingDays({ from: before, to: last });
  return workingDays > 0 ? (await activities.computeDeadline({ from: before, workingDays })).dueDate : last;
}

/** Months (`YYYY-MM`) from `from` up to, not including, `until`. */
export function monthsBefore(from: string, until: string): string[] {
  const months: string[] = [];
  for (let period = from; period < until; period = nextMonth(period)) months.push(period);
  return months;
}

/**
 * A new task created before the current month owes a report for each earlier month it was open, from its
 * creation month (unless created on or after that month's report day). Their report days have passed, so
 * the next overdue check reports them at once, unless a report for the period is known by then.
 * `reportDays` remembers report days (by month) already asked for in this run.
 */
export async function startPastReportClocks(
  state: AssistanceWorkflowState,
  task: AssistanceTask,
  reportDays: Map<string, string> = new Map(),
): Promise<void> {
  const current = state.month?.period;
  if (!current || monthOf(task.createdOn) >= current) return;
  if (!patched(PAST_MONTH_REPORTS_PATCH)) return;
  for (const period of monthsBefore(monthOf(task.createdOn), current)) {
    const dueDate = reportDays.get(period) ?? (await reportDayOf(period));
    reportDays.set(period, dueDate); // the tasks of one plan share the months: ask the calendar once per run
    if (task.createdOn < dueDate) startReportClockFor(state, task, period, dueDate);
  }
}
