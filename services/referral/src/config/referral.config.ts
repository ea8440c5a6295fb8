import { loadConfig, serviceEnvSchema, type ServiceConfig } from '@prp/service-kit';

export const ReferralEnvSchema = serviceEnvSchema(3002);

export function loadReferralConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig('referral', ReferralEnvSchema, env);
}
