import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar, type CalendarOverride } from '@prp/calendar';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import {
  CASE_SEARCH_ATTRIBUTES,
  CASE_WORKFLOW_TYPE,
  caseSubmittedSignal,
  caseWorkflowId,
  type CaseActivities,
  type CaseWorkflowInput,
  type DeadlineOverdueInput,
} from '@prp/contracts';
import { testStackEnv } from '@prp/testing';
import { buildWorkflowBundle } from '../src/bundle';

let bundle: Promise<{ code: string }> | undefined;

/** The workflow bundle, built once per test file. */
export function workflowBundle(): Promise<{ code: string }> {
  return (bundle ??= buildWorkflowBundle().then((code) => ({ code })));
}

/**
 * The Java time-skipping test server, started through its wrapper (deploy/local/bin/temporal-test-server),
 * with the case workflow's custom search attributes registered (the server refuses unknown ones).
 */
export async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = testStackEnv().testServerPath;
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  const searchAttributes = Object.fromEntries(
    Object.values(CASE_SEARCH_ATTRIBUTES).map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type) ?? 0]),
  );
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
}

/** Clock lengths of the seeded national defaults (policy.md §2), as the policy endpoint serves them. */
export const TEST_POLICY = {
  responseWorkingDays: 5,
  verificationWorkingDays: 20,
  publicNoticeWorkingDays: 5,
  countyBatchMinWorkingDays: 3,
};

/** Activities backed by the real calendar (with test overrides) that record what the workflow asked for. */
export function recordingActivities(overrides: CalendarOverride[] = []) {
  const calendar = WorkingDayCalendar.withOverrides(overrides);
  const overdue: DeadlineOverdueInput[] = [];
  const deadlineRequests: { from: string; workingDays: number }[] = [];
  const policyRequests: { areaCode: string; on: string }[] = [];
  const activities: CaseActivities = {
    async loadClockPolicy(input) {
      policyRequests.push(input);
      return { regionCode: '430000000000', year: Number(input.on.slice(0, 4)), version: 1, ...TEST_POLICY };
    },
    async countWorkingDays(input) {
      return calendar.workingDaysBetween(input.from, input.to);
    },
    async computeDeadline(input) {
      deadlineRequests.push(input);
      const result = calendar.addWorkingDays(input.from, input.workingDays);
      return { dueDate: result.dueDate, dueAt: result.dueAt, explanation: result.explanation };
    },
    async emitDeadlineOverdue(input) {
      overdue.push(input);
    },
  };
  return { activities, overdue, deadlineRequests, policyRequests, calendar };
}

let sequence = 0;
export function newCaseInput(discoveredOn: string): CaseWorkflowInput {
  sequence += 1;
  const suffix = `${Date.now().toString(16).slice(-8)}${String(sequence).padStart(4, '0')}`;
  return {
    caseId: `00000000-0000-4000-8000-${suffix}`,
    areaCode: '430281101201',
    caseNo: `JC-TEST-${suffix}`,
    channel: 'CADRE_VISIT',
    discoveredOn,
  };
}

export async function startCase(env: TestWorkflowEnvironment, taskQueue: string, input: CaseWorkflowInput) {
  return env.client.workflow.signalWithStart(CASE_WORKFLOW_TYPE, {
    workflowId: caseWorkflowId(input.caseId),
    taskQueue,
    args: [input],
    signal: caseSubmittedSignal,
    signalArgs: [input],
  });
}

export async function createTestWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: CaseActivities) {
  return Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
}
