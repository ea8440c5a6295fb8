import { loadConfig, serviceEnvSchema, type ServiceConfig } from '@prp/service-kit';

export const IdentificationEnvSchema = serviceEnvSchema(3001);
export type IdentificationConfig = ServiceConfig;
export const IDENTIFICATION_CONFIG = Symbol('IDENTIFICATION_CONFIG');

export function loadIdentificationConfig(env: NodeJS.ProcessEnv = process.env): IdentificationConfig {
  return loadConfig('identification', IdentificationEnvSchema, env);
}
