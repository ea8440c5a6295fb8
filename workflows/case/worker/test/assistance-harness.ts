import { readFileSync } from 'fs';
import { join } from 'path';
import { randomUUID } from 'crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { toShanghaiDate, type CalendarOverride } from '@prp/calendar';
import {
  ASSISTANCE_WORKFLOW_TYPE,
  assistanceStartedSignal,
  assistanceEventSignal,
  assistanceStateQuery,
  assistanceWorkflowId,
  type AssistanceEvent,
  type AssistanceEventPayloads,
  type AssistanceEventType,
  type AssistancePolicy,
  type AssistanceWorkflowInput,
  type AssistanceWorkflowState,
} from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { repoRoot } from '../src/bundle';
import { recordingActivities } from './workflow-harness';

export const DAY = 86_400_000;

let bundle: Promise<{ code: string }> | undefined;

/** assistanceWorkflow alone (until workflows.ts re-exports it), bundled once per test file. */
export function assistanceBundle(): Promise<{ code: string }> {
  const { compilerOptions } = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const alias = Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, join(repoRoot, target)]),
  );
  return (bundle ??= bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'workflows/case/src/assistance/index.ts'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } },
    }),
  }));
}

/** Case activities on the real calendar (with overrides) plus the assistance policy lookup. */
export function assistanceActivities(overrides: CalendarOverride[] = [], helperAssignmentWorkingDays = 10) {
  const recording = recordingActivities(overrides);
  const policy: AssistancePolicy = {
    regionCode: '430000000000',
    year: 2026,
    version: 1,
    helperAssignmentWorkingDays,
    measuresStartWorkingDays: 10,
    helperReplacementWorkingDays: 10,
    defaulted: ['helper_replacement_working_days'],
  };
  return { ...recording, activities: { ...recording.activities, loadAssistancePolicy: async () => policy } };
}

export async function createAssistanceWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: object) {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await assistanceBundle(),
    activities,
  });
}

export async function shanghaiToday(env: TestWorkflowEnvironment): Promise<string> {
  return toShanghaiDate(new Date(await env.currentTimeMs()));
}

let sequence = 0;
export function newAssistanceInput(
  includedOn: string,
  extra: Partial<AssistanceWorkflowInput> = {},
): AssistanceWorkflowInput {
  sequence += 1;
  const suffix = `${Date.now().toString(16).slice(-8)}${String(sequence).padStart(4, '0')}`;
  return { caseId: `00000000-0000-4000-9000-${suffix}`, areaCode: '430281101201', includedOn, ...extra };
}

const running: WorkflowHandle[] = [];

/**
 * Terminates the workflows the test started: an assistance workflow never ends by itself, and its timers
 * would hold the time-skipping server's clock once the test's worker is gone.
 */
export async function terminateStarted(): Promise<void> {
  for (const handle of running.splice(0)) await handle.terminate('test finished').catch(() => undefined);
}

/** Starts the workflow as the bridge does on case.decided INCLUDED; the handle follows continue-as-new. */
export async function startAssistance(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  input: AssistanceWorkflowInput,
): Promise<WorkflowHandle> {
  const workflowId = assistanceWorkflowId(input.caseId);
  await env.client.workflow.signalWithStart(ASSISTANCE_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [input],
    signal: assistanceStartedSignal,
    signalArgs: [input],
  });
  const handle = env.client.workflow.getHandle(workflowId);
  running.push(handle);
  return handle;
}

export function event<K extends AssistanceEventType>(type: K, payload: AssistanceEventPayloads[K]): AssistanceEvent {
  return { eventId: randomUUID(), type, occurredAt: new Date().toISOString(), payload } as AssistanceEvent;
}

/** Signals an event and waits until the workflow state satisfies `applied`. */
export async function send(
  handle: WorkflowHandle,
  sent: AssistanceEvent,
  applied: (state: AssistanceWorkflowState) => boolean,
): Promise<AssistanceWorkflowState> {
  await handle.signal(assistanceEventSignal, sent);
  return stateWhen(handle, applied, `${sent.type} applied`);
}

export async function stateWhen(
  handle: WorkflowHandle,
  ready: (state: AssistanceWorkflowState) => boolean,
  description = 'the assistance state',
): Promise<AssistanceWorkflowState> {
  return waitFor(
    async () => {
      const state = await handle.query(assistanceStateQuery);
      return ready(state) && state;
    },
    { description },
  );
}

export function clock(state: AssistanceWorkflowState, id: string) {
  return state.clocks.find((c) => c.id === id);
}

/** Sleeps (time skipping) until just past `instant`. */
export async function sleepPast(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  await env.sleep(Math.max(1, Date.parse(instant) - (await env.currentTimeMs()) + 60_000));
}

/** Sleeps until shortly before `instant` (an hour before its day ends). */
export async function sleepUntilJustBefore(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  await env.sleep(Math.max(1, Date.parse(instant) - (await env.currentTimeMs()) - 3_600_000));
}
