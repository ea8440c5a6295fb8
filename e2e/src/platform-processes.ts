import { execFile, spawn, type ChildProcess } from 'child_process';
import { promisify } from 'util';
import { createWriteStream, mkdirSync } from 'fs';
import { join } from 'path';
import { testStackEnv, waitFor } from '@prp/testing';

export const repoRoot = join(__dirname, '../..');
const logDir = join(repoRoot, '.data/logs/e2e');

export interface PlatformProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
}

/**
 * Ports away from the development ones, so a running `npm start` does not collide with the test run;
 * E2E_PORT_BASE moves them all (two test runs side by side).
 */
const base = Number(process.env['E2E_PORT_BASE'] ?? 13000);
export const E2E_PORTS = {
  identification: base + 1,
  referral: base + 2,
  subsidy: base + 3,
  reporting: base + 4,
  'case-worker': base + 5,
};
export type ProcessName = keyof typeof E2E_PORTS;

/**
 * Two runs side by side must not share a task queue or a consumer group either: a worker of the other run
 * (another checkout, another bundle) would run this run's workflows, and its bridge would take half of this
 * run's case events. With E2E_PORT_BASE set, the queue and the groups carry the base; without it they keep
 * their plain names.
 */
const runSuffix = process.env['E2E_PORT_BASE'] ? `-${base}` : '';
export const E2E_TASK_QUEUE = `case-e2e${runSuffix}`;
export const E2E_CONSUMER_GROUPS = {
  bridge: `case-worker-bridge-e2e${runSuffix}`,
  reporting: `reporting-e2e${runSuffix}`,
  referral: `referral-e2e${runSuffix}`,
  identification: `identification-e2e${runSuffix}`,
};

const ENTRIES: Record<ProcessName, string> = {
  identification: 'dist/services/identification/src/main.js',
  referral: 'dist/services/referral/src/main.js',
  subsidy: 'dist/services/subsidy/src/main.js',
  reporting: 'dist/services/reporting/src/main.js',
  'case-worker': 'dist/workflows/case/worker/src/main.js',
};

function environmentFor(name: ProcessName): NodeJS.ProcessEnv {
  const stack = testStackEnv();
  return {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(E2E_PORTS[name]),
    HEALTH_PORT: String(E2E_PORTS[name]),
    HOST: '127.0.0.1',
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    TEMPORAL_TASK_QUEUE: E2E_TASK_QUEUE,
    WORKFLOW_BUNDLE_PATH: join(repoRoot, 'dist/workflows/case/workflow-bundle.js'),
    IDENTIFICATION_URL: `http://127.0.0.1:${E2E_PORTS.identification}`,
    BRIDGE_CONSUMER_GROUP: E2E_CONSUMER_GROUPS.bridge,
    REPORTING_CONSUMER_GROUP: E2E_CONSUMER_GROUPS.reporting,
    // A group of its own: the e2e referral opens the households the e2e identification includes.
    REFERRAL_CONSUMER_GROUP: E2E_CONSUMER_GROUPS.referral,
    // Identification reads visit.recorded from the assistance topic (new risk points).
    IDENTIFICATION_CONSUMER_GROUP: E2E_CONSUMER_GROUPS.identification,
    LOG_LEVEL: 'info',
  };
}

/** Starts the built service (`npm run build` first) as its own process and waits for /health. */
export async function startPlatformProcess(name: ProcessName): Promise<PlatformProcess> {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['-r', './deploy/scripts/register-paths.js', ENTRIES[name]], {
    cwd: repoRoot,
    env: environmentFor(name),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${E2E_PORTS[name]}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null)
        throw new Error(`${name} exited with ${child.exitCode}; see .data/logs/e2e/${name}.log`);
      return (await fetch(`${url}/health`)).ok;
    },
    { timeoutMs: 90_000, intervalMs: 250, description: `${name} /health` },
  );
  return { name, port: E2E_PORTS[name], url, child };
}

export async function stopPlatformProcess(p: PlatformProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Applies every service's migrations to the test database with the same command operators use. */
export async function migrateTestDatabase(): Promise<void> {
  const args = [
    '-r',
    './deploy/scripts/register-paths.js',
    'dist/deploy/scripts/migrate.js',
    testStackEnv().databaseUrl,
  ];
  await promisify(execFile)(process.execPath, args, { cwd: repoRoot });
}
