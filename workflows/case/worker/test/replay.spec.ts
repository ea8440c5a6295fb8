import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { toShanghaiDate } from '@prp/calendar';
import { caseRespondedSignal } from '@prp/contracts';
import { createTestWorker, newCaseInput, recordingActivities, startCase, startTimeSkippingEnv, workflowBundle } from './workflow-harness';

jest.setTimeout(120_000);

const historiesDir = join(__dirname, 'histories');
const histories = () => readdirSync(historiesDir).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(historiesDir, file), 'utf8'));

describe('case workflow replay', () => {
  it('replays every committed history with the current workflow code', async () => {
    expect(histories().length).toBeGreaterThan(0);
    const bundle = await workflowBundle();
    for (const file of histories()) {
      await expect(Worker.runReplayHistory({ workflowBundle: bundle }, load(file), file)).resolves.toBeUndefined();
    }
  });

  it('rejects a workflow change that would break running cases (no patched() guard)', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: join(__dirname, 'incompatible/workflows.ts') });
    const [file] = histories();
    await expect(Worker.runReplayHistory({ workflowBundle: { code } }, load(file), file)).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});

/** `RECORD_HISTORIES=1 npx jest -c workflows/case/worker/jest.config.ts replay`: records a fresh history. */
(process.env['RECORD_HISTORIES'] ? describe : describe.skip)('record histories', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkippingEnv();
  });
  afterAll(async () => env?.teardown());

  it('records an overdue-then-responded case', async () => {
    const { activities } = recordingActivities();
    const worker = await createTestWorker(env, 'record', activities);
    const today = toShanghaiDate(new Date(await env.currentTimeMs()));
    const history = await worker.runUntil(async () => {
      const handle = await startCase(env, 'record', newCaseInput(today));
      await env.sleep(20 * 24 * 3_600_000);
      await handle.signal(caseRespondedSignal, { respondedAt: '2026-12-20T09:00:00+08:00', respondedBy: '乡镇干部' });
      await handle.result();
      return handle.fetchHistory();
    });
    writeFileSync(join(historiesDir, 'case-overdue-then-responded.json'), historyToJSON(history));
  });
});
