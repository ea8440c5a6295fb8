import { z } from 'zod';
import { envHostList, envPort, envUrl, loadConfig } from '@prp/service-kit';

export const WorkerEnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('case'),
  KAFKA_BROKERS: envHostList.default(['127.0.0.1:19092']),
  IDENTIFICATION_URL: envUrl(['http', 'https']).default('http://127.0.0.1:3001'),
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  BRIDGE_CONSUMER_GROUP: z.string().min(1).default('case-worker-bridge'),
  HEALTH_PORT: envPort(3005),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type WorkerConfig = z.infer<typeof WorkerEnvSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadConfig('case-worker', WorkerEnvSchema, env);
}
