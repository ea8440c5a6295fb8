import type { AssistanceEvent, AssistanceWorkflowInput, AssistanceWorkflowState } from '@prp/contracts';

const RESOLVED = new Set(['MET', 'MET_LATE', 'CANCELLED']);

/**
 * What the next run needs: unresolved clocks, open tasks, recent facts. Resolved clocks, closed tasks and
 * visits older than `keepFrom` are dropped (their events are on the bus and in reporting's read models).
 */
export function pruned(state: AssistanceWorkflowState, keepFrom: string): AssistanceWorkflowState {
  const clocks = state.clocks.filter((c) => !RESOLVED.has(c.status) || c.dueDate >= keepFrom);
  const owing = new Set(clocks.map((c) => c.taskId).filter(Boolean));
  const tasks = state.tasks
    .filter((t) => t.closedOn === undefined || t.closedOn >= keepFrom || owing.has(t.taskId))
    .map((t) => ({ ...t, reportedPeriods: t.reportedPeriods.filter((p) => p >= keepFrom.slice(0, 7)) }));
  const visits = state.visits.filter((v) => v.visitedOn >= keepFrom);
  return { ...state, clocks, tasks, visits };
}

/** Input of the next run: the same household, its state and the signals not yet applied. */
export function carryOver(
  input: AssistanceWorkflowInput,
  state: AssistanceWorkflowState,
  pending: AssistanceEvent[],
  keepFrom: string,
): AssistanceWorkflowInput {
  const { carried: _previous, ...rest } = input;
  return {
    ...rest,
    includedOn: state.includedOn,
    relocated: state.relocated,
    carried: { state: pruned(state, keepFrom), pending },
  };
}
