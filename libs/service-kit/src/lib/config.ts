import { z } from 'zod';

/** Reads "true"/"false"/"1"/"0" correctly (Boolean('false') === true is the trap this avoids). */
export const envBoolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '应为 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

export const envPort = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const envUrl = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol.replace(':', ''));
    } catch {
      return false;
    }
  }, `应为 ${protocols.join('/')} 地址`);

/** host:port[,host:port...] */
export const envHostList = z
  .string()
  .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, '应为 host:port，多个以逗号分隔')
  .transform((v) => v.split(','));

export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service} 配置无效：\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates environment variables against a schema; every bad variable is named in the error. */
export function loadConfig<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(service, problems);
}

/** Variables every service reads. Defaults match deploy/local/env.sh. */
export const baseServiceEnv = {
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: envUrl(['postgres', 'postgresql']).default('postgres://prp:prp@127.0.0.1:55432/prp_dev'),
  KAFKA_BROKERS: envHostList.default(['127.0.0.1:19092']),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RELAY_ENABLED: envBoolean(true),
};

/** The environment schema of a service that needs nothing beyond the shared variables. */
export const serviceEnvSchema = (defaultPort: number) => z.object({ ...baseServiceEnv, PORT: envPort(defaultPort) });
export type ServiceConfig = z.infer<ReturnType<typeof serviceEnvSchema>>;
