import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { addDays, endOfShanghaiDayIso } from '@prp/calendar';
import type { CaseActivities } from '@prp/contracts';

const repoRoot = resolve(__dirname, '../../../../../..');

/** Calendar days stand in for working days: the test is about the chain, not the calendar. */
export const simpleActivities: CaseActivities = {
  async computeDeadline({ from, workingDays }) {
    const dueDate = addDays(from, workingDays);
    return { dueDate, dueAt: endOfShanghaiDayIso(dueDate), explanation: `测试：${from}起${workingDays}日` };
  },
  async emitDeadlineOverdue() {
    return undefined;
  },
  async loadClockPolicy({ areaCode, on }) {
    return {
      regionCode: areaCode,
      year: Number(on.slice(0, 4)),
      version: 'test',
      responseWorkingDays: 5,
      verificationWorkingDays: 20,
      publicNoticeWorkingDays: 5,
      countyBatchMinWorkingDays: 0,
    };
  },
  async countWorkingDays({ from, to }) {
    return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  },
};

function aliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, join(repoRoot, target)]),
  );
}

/** Worker logs at WARN; the runtime can be installed once per process, so a second call keeps the first. */
function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed
  }
}

export interface InProcessWorker {
  stop(): Promise<void>;
}

/** The real caseWorkflow on its own task queue, in this process (the API itself holds only a Client). */
export async function startCaseWorker(address: string, namespace: string, taskQueue: string): Promise<InProcessWorker> {
  quietRuntime();
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'workflows/case/src/workflows.ts'),
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases() } };
      return config;
    },
    logger: {
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      log: () => undefined,
    },
  });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: { code },
    activities: simpleActivities,
  });
  const running = worker.run();
  return {
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
