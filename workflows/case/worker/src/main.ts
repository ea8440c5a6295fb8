import { createServer } from 'http';
import { JsonLogger, runHealthChecks } from '@prp/service-kit';
import { startCaseWorker } from './case-worker';
import { loadWorkerConfig } from './config';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = new JsonLogger('case-worker', config.LOG_LEVEL);
  const running = await startCaseWorker({ config, logger });
  const checks = [
    { name: 'temporal-worker', check: async () => assertRunning(running.worker.getState()) },
    { name: 'kafka', check: () => running.bus.checkHealth() },
    { name: 'temporal', check: () => running.client.workflowService.getSystemInfo({}) },
  ];
  const health = createServer((_req, res) => {
    void runHealthChecks(checks).then((report) => {
      res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(report));
    });
  }).listen(config.HEALTH_PORT, config.HOST);
  logger.log({ msg: 'case worker running', taskQueue: config.TEMPORAL_TASK_QUEUE, health: `http://${config.HOST}:${config.HEALTH_PORT}/health` });

  const shutdown = async (signal: string) => {
    logger.log({ msg: 'shutting down', signal });
    health.close();
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // A crashed worker must crash the process, never linger half-alive.
  running.done.catch((error: unknown) => {
    logger.error(error instanceof Error ? error : new Error(String(error)));
    process.exit(1);
  });
}

function assertRunning(state: string): void {
  if (state !== 'RUNNING') throw new Error(`worker state ${state}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
