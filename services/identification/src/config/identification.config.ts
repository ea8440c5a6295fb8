import { z } from 'zod';
import { loadConfig, serviceEnvSchema } from '@prp/service-kit';

export const IdentificationEnvSchema = serviceEnvSchema(3001).extend({
  /**
   * Secret for personal data at rest: the blind index of ID card numbers (HMAC-SHA256, for de-duplication)
   * and their AES-256-GCM encryption. At least 32 characters; a deployment keeps it in its secret store.
   */
  PII_SECRET: z.string().min(32, { message: 'PII_SECRET至少32个字符' }),
  /** Temporal frontend (host:port); the API holds only a Client to drive case workflows. */
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, { message: '应为 host:port' })
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Task queue of the case worker; used only to start a watched (BLUE) household's workflow on its first risk point. */
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('case'),
  /** Consumer group reading visit.recorded from the assistance topic (new risk points found on visits). */
  IDENTIFICATION_CONSUMER_GROUP: z
    .string()
    .trim()
    .min(1, { message: '消费组名称不能为空' })
    .default('identification-visit-feedback'),
  /** Token for the admin endpoints (issuing and revoking area API keys); unset disables them. At least 24 characters. */
  IDENTIFICATION_ADMIN_TOKEN: z.string().min(24, { message: '管理令牌至少24个字符' }).optional(),
});
export type IdentificationConfig = z.infer<typeof IdentificationEnvSchema>;
export const IDENTIFICATION_CONFIG = Symbol('IDENTIFICATION_CONFIG');

export function loadIdentificationConfig(env: NodeJS.ProcessEnv = process.env): IdentificationConfig {
  return loadConfig('identification', IdentificationEnvSchema, env);
}
