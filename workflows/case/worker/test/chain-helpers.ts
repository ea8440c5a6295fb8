import { randomUUID } from 'crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROPERTY_CHECK_DEPARTMENTS, caseStateQuery, recordStepUpdate, type CaseWorkflowState, type StepDecision } from '@prp/contracts';
import type { WorkingDayCalendar } from '@prp/calendar';
import { waitFor } from '@prp/testing';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function decision(step: StepDecision['step'], result: StepDecision['result'], extra: Partial<StepDecision> = {}): StepDecision {
  const reason = result === 'REJECTED' ? '家庭人均收入高于监测标准' : undefined;
  return { decisionId: randomUUID(), step, result, actor: '乡镇经办人张三', decidedAt: new Date().toISOString(), attachments: [], reason, ...extra };
}

let clock: TestWorkflowEnvironment | undefined;

/** Decisions recorded by `recorder` are dated by the environment's (skipped) clock from now on. */
export function useEnvClock(env: TestWorkflowEnvironment): void {
  clock = env;
}

export function recorder(handle: WorkflowHandle) {
  return async (step: StepDecision['step'], result: StepDecision['result'], extra: Partial<StepDecision> = {}) => {
    const decidedAt = new Date(clock ? await clock.currentTimeMs() : Date.now()).toISOString();
    return handle.executeUpdate(recordStepUpdate, { args: [decision(step, result, { decidedAt, ...extra })] });
  };
}

/**
 * The state once both clocks of the chain run. The workflow starts them one after the other (each due date is an
 * activity), so a query in between sees the response clock alone: on a slow machine the tests read that state.
 */
export async function clocksStarted(handle: WorkflowHandle): Promise<CaseWorkflowState> {
  return waitFor(
    async () => {
      const state = await handle.query(caseStateQuery);
      const kinds = state.deadlines.map((deadline) => deadline.kind);
      return kinds.includes('RESPONSE') && kinds.includes('DETERMINATION') && state;
    },
    { description: 'the response and determination clocks to start' },
  );
}

/** Response, home verification and the four department answers: the case reaches village review. */
export async function throughPropertyCheck(handle: WorkflowHandle, respond = true): Promise<CaseWorkflowState> {
  const record = recorder(handle);
  if (respond) await record('RESPONSE', 'DONE');
  await record('HOME_VERIFICATION', 'DONE');
  await record('PROPERTY_CHECK', 'SENT');
  let state: CaseWorkflowState | undefined;
  for (const department of PROPERTY_CHECK_DEPARTMENTS) state = await record('PROPERTY_CHECK', 'CLEAR', { department });
  return state as CaseWorkflowState;
}

/** Through village review and township re-check: the public notice period starts. */
export async function intoPublicNotice(handle: WorkflowHandle, respond = true): Promise<CaseWorkflowState> {
  await throughPropertyCheck(handle, respond);
  await recorder(handle)('VILLAGE_REVIEW', 'APPROVED');
  return recorder(handle)('TOWNSHIP_RECHECK', 'APPROVED');
}

/** Sleeps (time skipping) until just past `instant`. */
export async function sleepPast(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  await env.sleep(Math.max(1, Date.parse(instant) - (await env.currentTimeMs()) + MINUTE));
}

/** The county batch cut-off computed independently: last working day of the month, or of the next one. */
export function expectedCutoff(calendar: WorkingDayCalendar, reachedOn: string, minWorkingDays: number): string {
  const monthEnd = (months: number) => {
    const [y, m] = reachedOn.split('-').map(Number);
    return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
  };
  const lastWorking = (end: string) => {
    let day = end;
    while (!calendar.isWorkingDay(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    return day;
  };
  const left = calendar.workingDaysBetween(reachedOn, monthEnd(0));
  return lastWorking(monthEnd(left < minWorkingDays ? 1 : 0));
}
