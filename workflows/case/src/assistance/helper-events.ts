import type {
  AssistanceEventPayloads,
  AssistanceHelper,
  AssistanceHelperRole,
  AssistanceWorkflowState,
  AssistancePolicy,
} from '@prp/contracts';
import { findClock, resolveClock, startWorkingDayClock } from './assistance-clocks';

/** Clock id of the helper assignment owed for `role` (a relocated household owes a PRIMARY and a SECOND). */
export function assignmentClockId(role: AssistanceHelperRole): string {
  return `HELPER_ASSIGNMENT:${role}`;
}

export function replacementClockId(helperId: string): string {
  return `HELPER_REPLACEMENT:${helperId}`;
}

export const MEASURES_CLOCK_ID = 'MEASURES_START';

/** Starts the helper-assignment clock(s) counted from the inclusion day. */
export async function startAssignmentClocks(state: AssistanceWorkflowState, policy: AssistancePolicy): Promise<void> {
  const roles: AssistanceHelperRole[] = state.relocated ? ['PRIMARY', 'SECOND'] : ['PRIMARY'];
  for (const role of roles) {
    if (state.helpers.some((h) => h.role === role)) continue; // assigned before the inclusion event arrived
    await startWorkingDayClock(
      state,
      assignmentClockId(role),
      'HELPER_ASSIGNMENT',
      state.includedOn ?? '',
      policy.helperAssignmentWorkingDays,
      { role },
    );
  }
}

/** A helper was assigned: meets the role's assignment clock (or a pending replacement) and starts the measures clock. */
export async function onHelperAssigned(
  state: AssistanceWorkflowState,
  policy: AssistancePolicy,
  event: AssistanceEventPayloads['helper.assigned'],
) {
  if (state.helpers.some((h) => h.helperId === event.helperId && h.role === event.role)) return; // repeated delivery
  const helper: AssistanceHelper = {
    helperId: event.helperId,
    role: event.role,
    level: event.level,
    assignedOn: event.assignedOn,
  };
  const leaving = state.helpers.find((h) => h.role === event.role && h.unavailable);
  if (leaving) return replaceHelper(state, leaving, helper);
  const clock = findClock(state, assignmentClockId(event.role)) ?? findClock(state, assignmentClockId('PRIMARY'));
  resolveClock(clock, event.assignedOn);
  state.helpers = [...state.helpers.filter((h) => h.role !== event.role), helper];
  if (!state.measuresStartedOn) {
    await startWorkingDayClock(
      state,
      MEASURES_CLOCK_ID,
      'MEASURES_START',
      event.assignedOn,
      policy.measuresStartWorkingDays,
      {
        helperId: event.helperId,
      },
    );
  }
}

/** The helper cannot serve any more: stays on the case until replaced; the replacement clock starts. */
export async function onHelperUnavailable(
  state: AssistanceWorkflowState,
  policy: AssistancePolicy,
  event: AssistanceEventPayloads['helper.unavailable'],
) {
  const helper = state.helpers.find((h) => h.helperId === event.helperId && (!event.role || h.role === event.role));
  if (!helper || helper.unavailable) return;
  helper.unavailable = { reason: event.reason, since: event.since };
  await startWorkingDayClock(
    state,
    replacementClockId(helper.helperId),
    'HELPER_REPLACEMENT',
    event.since,
    policy.helperReplacementWorkingDays,
    {
      helperId: helper.helperId,
      role: helper.role,
    },
  );
}

export function onHelperReplaced(
  state: AssistanceWorkflowState,
  event: AssistanceEventPayloads['helper.replaced'],
): void {
  const old = state.helpers.find((h) => h.helperId === event.oldHelperId);
  if (!old) return; // repeated delivery, or a helper this household never had
  const next: AssistanceHelper = {
    helperId: event.helperId,
    role: event.role,
    level: event.level ?? old.level,
    assignedOn: event.assignedOn,
  };
  replaceHelper(state, old, next);
}

/** Swaps helpers in one step: the household is never without one. */
function replaceHelper(state: AssistanceWorkflowState, old: AssistanceHelper, next: AssistanceHelper): void {
  state.helpers = [...state.helpers.filter((h) => h !== old), next];
  resolveClock(findClock(state, replacementClockId(old.helperId)), next.assignedOn);
}
