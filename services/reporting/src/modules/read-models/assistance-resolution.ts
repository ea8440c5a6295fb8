import type { AnyEnvelope, DeadlineKind } from '@prp/contracts';

/** A fact that an assistance clock was waiting for, and which overdue items of the case it closes. */
export interface AssistanceResolution {
  kind: DeadlineKind;
  /** Unique per case and kind: the first fact for it is kept. */
  matchKey: string;
  role?: string;
  helperId?: string;
  taskId?: string;
  /** The period the fact is for (`YYYYQn` visit, `YYYY-MM` report). */
  period?: string;
  /** A closed task owes nothing more: reports of every period up to this month are settled. */
  periodTo?: string;
  /** The business date of the fact (assignedOn, startedOn, visitedOn, reportedOn, completedOn...). */
  on: string;
}

export type AssistanceEnvelope = Extract<
  AnyEnvelope,
  {
    type:
      | 'helper.assigned'
      | 'helper.unavailable'
      | 'helper.replaced'
      | 'plan.agreed'
      | 'measures.started'
      | 'task.created'
      | 'task.acknowledged'
      | 'task.reported'
      | 'task.completed'
      | 'task.rejected'
      | 'visit.recorded';
  }
>;

/**
 * The clocks a fact settles on its own (README of assistanceWorkflow): an assignment settles its role's
 * assignment clock, the first measure the measures clock, a replacement the leaving helper's replacement
 * clock, a visit its quarter, a report its task's month, a completed or rejected task every month up to then.
 * An assignment standing in for an unavailable helper also settles that helper's replacement clock, which
 * needs the helpers followed in the database (see project-assistance.ts).
 */
export function resolutionsOf(event: AssistanceEnvelope): AssistanceResolution[] {
  switch (event.type) {
    case 'helper.assigned': {
      const { role, assignedOn } = event.payload;
      return [{ kind: 'HELPER_ASSIGNMENT', matchKey: role, role, on: assignedOn }];
    }
    case 'measures.started':
      return [{ kind: 'MEASURES_START', matchKey: '', on: event.payload.startedOn }];
    case 'helper.replaced': {
      const { oldHelperId, role, assignedOn } = event.payload;
      return [replacementOf(oldHelperId, role, assignedOn)];
    }
    case 'visit.recorded': {
      const { quarter, visitedOn } = event.payload;
      return [{ kind: 'QUARTERLY_VISIT', matchKey: quarter, period: quarter, on: visitedOn }];
    }
    case 'task.reported': {
      const { taskId, period, reportedOn } = event.payload;
      return [{ kind: 'MONTHLY_REPORT', matchKey: `${taskId}/${period}`, taskId, period, on: reportedOn }];
    }
    case 'task.completed':
      return [taskClosed(event.payload.taskId, event.payload.completedOn)];
    case 'task.rejected':
      return [taskClosed(event.payload.taskId, event.payload.rejectedOn)];
    default:
      return [];
  }
}

export function replacementOf(helperId: string, role: string | undefined, on: string): AssistanceResolution {
  return { kind: 'HELPER_REPLACEMENT', matchKey: helperId, helperId, role, on };
}

function taskClosed(taskId: string, on: string): AssistanceResolution {
  return { kind: 'MONTHLY_REPORT', matchKey: `${taskId}/..`, taskId, periodTo: on.slice(0, 7), on };
}

/**
 * Whether a stored resolution `r` closes the overdue item `o` (SQL, both aliased): the kinds agree, and the
 * subject matches where the item gives one. An item without a period is about the period of its due date.
 */
export const RESOLUTION_MATCHES = `r.case_id = o.case_id AND r.kind = o.kind AND CASE o.kind
  WHEN 'HELPER_ASSIGNMENT' THEN o.role IS NULL OR o.role = r.role
  WHEN 'MEASURES_START' THEN true
  WHEN 'HELPER_REPLACEMENT' THEN (o.helper_id IS NULL OR o.helper_id = r.helper_id)
    AND (o.role IS NULL OR r.role IS NULL OR o.role = r.role)
  WHEN 'QUARTERLY_VISIT' THEN coalesce(o.period, to_char(o.due_date, 'YYYY"Q"Q')) = r.period
  WHEN 'MONTHLY_REPORT' THEN o.task_id = r.task_id
    AND (coalesce(o.period, to_char(o.due_date, 'YYYY-MM')) = r.period
      OR coalesce(o.period, to_char(o.due_date, 'YYYY-MM')) <= r.period_to)
  ELSE false END`;
