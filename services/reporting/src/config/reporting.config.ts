import { z } from 'zod';
import { baseServiceEnv, envPort, loadConfig } from '@prp/service-kit';

export const ReportingEnvSchema = z.object({
  ...baseServiceEnv,
  PORT: envPort(3004),
  REPORTING_CONSUMER_GROUP: z.string().min(1).default('reporting-read-models'),
});
export type ReportingConfig = z.infer<typeof ReportingEnvSchema>;
export const REPORTING_CONFIG = Symbol('REPORTING_CONFIG');

export function loadReportingConfig(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  return loadConfig('reporting', ReportingEnvSchema, env);
}
