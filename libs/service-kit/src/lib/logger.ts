import type { LoggerService } from '@nestjs/common';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** One JSON object per line: time, level, service, context, message and any extra fields. */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.threshold = LEVELS.indexOf(level);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (LEVELS.indexOf(level) < this.threshold) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const extra = rest.find((r) => typeof r === 'object' && r !== null) as Record<string, unknown> | undefined;
    const record: Record<string, unknown> = { time: new Date().toISOString(), level, service: this.service, context };
    if (message instanceof Error) Object.assign(record, { msg: message.message, stack: message.stack });
    else if (typeof message === 'object' && message !== null) Object.assign(record, message);
    else record['msg'] = String(message);
    const trace = rest.find((r) => typeof r === 'string');
    if (trace) record['stack'] = trace;
    this.write(JSON.stringify(extra ? { ...record, ...extra } : record));
  }
}
