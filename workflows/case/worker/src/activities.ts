import { ApplicationFailure } from '@temporalio/common';
import {
  createEnvelope,
  EVENT_TYPES,
  type CaseActivities,
  type ComputeDeadlineInput,
  type ComputedDeadline,
  deadlineSubjectKey,
  type DeadlineOverdueInput,
} from '@prp/contracts';
import { toOutgoingMessage, type MessagePublisher } from '@prp/messaging';
import { countWorkingDays, loadClockPolicy } from './clock-activities';
import { deterministicUuid } from './deterministic-id';

export interface ActivityDeps {
  publisher: MessagePublisher;
  /** Base URL of the identification service, which owns the working-day calendar and its overrides. */
  identificationUrl: string;
  fetchFn?: typeof fetch;
}

/** Activities are idempotent: the same input yields the same deadline and the same event id. */
export function createActivities(deps: ActivityDeps): CaseActivities {
  const fetchFn = deps.fetchFn ?? fetch;
  const http = { identificationUrl: deps.identificationUrl, fetchFn };
  return {
    loadClockPolicy: (input) => loadClockPolicy(http, input),
    countWorkingDays: (input) => countWorkingDays(http, input),

    async computeDeadline(input: ComputeDeadlineInput): Promise<ComputedDeadline> {
      const url = new URL('/api/v1/calendar/deadline', deps.identificationUrl);
      url.searchParams.set('from', input.from);
      url.searchParams.set('workingDays', String(input.workingDays));
      const response = await fetchFn(url, { signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as ComputedDeadline & { message?: string };
      if (response.status === 400) {
        throw ApplicationFailure.nonRetryable(`日历输入无效：${body.message ?? ''}`, 'CALENDAR.INVALID_INPUT');
      }
      if (!response.ok) throw new Error(`calendar service answered ${response.status}`);
      return { dueDate: body.dueDate, dueAt: body.dueAt, explanation: body.explanation };
    },

    async emitDeadlineOverdue(input: DeadlineOverdueInput): Promise<void> {
      const event = createEnvelope({
        type: EVENT_TYPES.deadlineOverdue,
        // One event per case, kind, due date and subject (a task's month, a helper's replacement …).
        eventId: deterministicUuid(`${input.caseId}:${input.kind}:${input.dueDate}${subjectSuffix(input.subject)}:overdue`),
        caseId: input.caseId,
        areaCode: input.areaCode,
        producer: 'case-worker',
        occurredAt: input.dueAt,
        payload: {
          kind: input.kind,
          dueDate: input.dueDate,
          dueAt: input.dueAt,
          responsibleLevel: input.responsibleLevel,
          escalatedTo: input.escalatedTo,
          workflowId: input.workflowId,
          ...(input.subject ? { subject: input.subject } : {}),
        },
      });
      await deps.publisher.publish([toOutgoingMessage(event)]);
    },
  };
}

/** '' for case-wide clocks, so their event ids stay what they always were. */
function subjectSuffix(subject: DeadlineOverdueInput['subject']): string {
  const key = deadlineSubjectKey(subject);
  return key ? `:${key}` : '';
}
