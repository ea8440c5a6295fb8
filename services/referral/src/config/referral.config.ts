import { z } from 'zod';
import { baseServiceEnv, envBoolean, envPort, loadConfig } from '@prp/service-kit';

export const ReferralEnvSchema = z.object({
  ...baseServiceEnv,
  PORT: envPort(3002),
  /** Consumer group reading `case.decided` from the case topic. */
  REFERRAL_CONSUMER_GROUP: z.string().min(1).default('referral-inclusions'),
  /** Assign helpers as soon as an included household arrives (otherwise only via POST .../assign). */
  REFERRAL_AUTO_ASSIGN: envBoolean(true),
  /** Token for the admin endpoints (department API keys); unset disables them. At least 24 characters. */
  REFERRAL_ADMIN_TOKEN: z.string().min(24, '管理令牌至少24个字符').optional(),
});
export type ReferralConfig = z.infer<typeof ReferralEnvSchema>;
export const REFERRAL_CONFIG = Symbol('REFERRAL_CONFIG');

export function loadReferralConfig(env: NodeJS.ProcessEnv = process.env): ReferralConfig {
  return loadConfig('referral', ReferralEnvSchema, env);
}
