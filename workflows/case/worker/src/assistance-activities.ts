import type { AssistanceActivities } from '@prp/contracts';
import { loadAssistancePolicy } from './clock-activities';

export interface AssistanceActivityDeps {
  /** Base URL of the identification service, which owns the policy tables. */
  identificationUrl: string;
  fetchFn?: typeof fetch;
}

/**
 * Activities of the assistance workflow beyond the case activities (computeDeadline, countWorkingDays,
 * emitDeadlineOverdue, which it shares). Register both on the worker:
 * `activities: { ...createActivities(deps), ...createAssistanceActivities(deps) }`.
 */
export function createAssistanceActivities(deps: AssistanceActivityDeps): AssistanceActivities {
  const http = { identificationUrl: deps.identificationUrl, fetchFn: deps.fetchFn ?? fetch };
  return {
    loadAssistancePolicy: (input) => loadAssistancePolicy(http, input),
  };
}
