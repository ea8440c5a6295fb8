import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

export interface HealthCheck {
  name: string;
  check: () => Promise<unknown>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string; ms: number }>;
}

async function runCheck(check: HealthCheck, timeoutMs: number) {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([check.check(), timeout]);
    return { status: 'up' as const, ms: Date.now() - started };
  } catch (error) {
    return { status: 'down' as const, error: (error as Error).message, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export async function runHealthChecks(checks: HealthCheck[], timeoutMs = 3000): Promise<HealthReport> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c, timeoutMs)] as const));
  const status = results.every(([, r]) => r.status === 'up') ? 'ok' : 'error';
  return { status, checks: Object.fromEntries(results) };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  @ApiOperation({ summary: '健康检查：数据库、Kafka、Temporal（如使用）' })
  async health(@Res() reply: FastifyReply): Promise<void> {
    const report = await runHealthChecks(this.checks);
    await reply.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).send(report);
  }
}
