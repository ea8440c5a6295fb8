import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays } from '@prp/calendar';
import { startTimeSkippingEnv } from './workflow-harness';
import {
  assistanceActivities,
  assistanceBundle,
  clock,
  createAssistanceWorker,
  event,
  newAssistanceInput,
  send,
  shanghaiToday,
  sleepPast,
  startAssistance,
  stateWhen,
  terminateStarted,
} from './assistance-harness';

jest.setTimeout(120_000);

const historiesDir = join(__dirname, 'assistance-histories');
const histories = () => readdirSync(historiesDir).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(historiesDir, file), 'utf8'));

describe('assistance workflow replay', () => {
  it('replays every committed assistance history with the current workflow code', async () => {
    expect(histories().length).toBeGreaterThan(0);
    const bundle = await assistanceBundle();
    for (const file of histories()) {
      await expect(Worker.runReplayHistory({ workflowBundle: bundle }, load(file), file)).resolves.toBeUndefined();
    }
  });
});

/** `RECORD_HISTORIES=1 npx jest -c jest.config.ts workflows/case/worker/test/assistance-replay`: records a fresh history. */
(process.env['RECORD_HISTORIES'] ? describe : describe.skip)('record assistance histories', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkippingEnv();
  });
  afterEach(() => terminateStarted());
  afterAll(async () => env?.teardown());

  it('records a first run: replacement, a task, an overdue monthly report and the quarter roll-over', async () => {
    const { activities } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'record-assistance', activities);
    const history = await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const handle = await startAssistance(env, 'record-assistance', newAssistanceInput(today));
      const firstRun = (await handle.describe()).runId;
      await stateWhen(handle, (s) => s.month !== undefined);
      await send(
        handle,
        event('helper.assigned', { helperId: 'h1', role: 'PRIMARY', assignedOn: today, level: 'TOWNSHIP' }),
        (s) => s.helpers.length === 1,
      );
      await send(
        handle,
        event('helper.unavailable', { helperId: 'h1', reason: 'RETIRED', since: today }),
        (s) => s.phase === 'REPLACING_HELPER',
      );
      await send(
        handle,
        event('helper.replaced', { oldHelperId: 'h1', helperId: 'h2', role: 'PRIMARY', assignedOn: today }),
        (s) => s.phase === 'AWAITING_MEASURES',
      );
      await send(handle, event('measures.started', { startedOn: today }), (s) => s.phase === 'ASSISTING');
      const state = await send(
        handle,
        event('task.created', { taskId: 't1', department: 'EDUCATION', measure: 'EDUCATION_AID', createdOn: today }),
        (s) => s.tasks.length === 1,
      );
      const quarter = state.clocks.find((c) => c.kind === 'QUARTERLY_VISIT');
      await sleepPast(env, quarter?.dueAt ?? '');
      await stateWhen(handle, (s) => s.run > 1 && clock(s, quarter?.id ?? '')?.status === 'OVERDUE', 'the next run');
      return env.client.workflow.getHandle(handle.workflowId, firstRun).fetchHistory();
    });
    writeFileSync(join(historiesDir, 'assistance-first-run.json'), historyToJSON(history));
  });

  it('records a plan entered late: a task created last month owes last month, one report for it is known', async () => {
    const { activities } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'record-assistance-late', activities);
    const history = await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const last = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
      const handle = await startAssistance(env, 'record-assistance-late', newAssistanceInput(`${last}-01`));
      await stateWhen(handle, (s) => s.month !== undefined);
      for (const [taskId, department] of [
        ['t-silent', 'HEALTH'],
        ['t-reported', 'CIVIL_AFFAIRS'],
      ]) {
        await send(
          handle,
          event('task.created', { taskId, department, measure: department, createdOn: `${last}-01` }),
          (s) => s.tasks.some((t) => t.taskId === taskId),
        );
      }
      await send(
        handle,
        event('task.reported', { taskId: 't-reported', department: 'CIVIL_AFFAIRS', reportedOn: today, period: last }),
        (s) => clock(s, `MONTHLY_REPORT:t-reported:${last}`)?.status === 'MET_LATE',
      );
      return handle.fetchHistory();
    });
    writeFileSync(join(historiesDir, 'assistance-past-months.json'), historyToJSON(history));
  });
});
