import { loadConfig, serviceEnvSchema, type ServiceConfig } from '@prp/service-kit';

export const SubsidyEnvSchema = serviceEnvSchema(3003);

export function loadSubsidyConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig('subsidy', SubsidyEnvSchema, env);
}
