import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../logger';

export type KafkaLogLevel = 'error' | 'warn' | 'info';

export const KAFKA_LOG_LEVELS: Record<KafkaLogLevel, logLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
};

/** One kafkajs log entry as a flat, JSON-friendly object. */
export function kafkaLogRecord(entry: LogEntry): Record<string, unknown> {
  const { message, timestamp: _timestamp, logger: _logger, ...extra } = entry.log;
  return { msg: message, component: 'kafkajs', namespace: entry.namespace, ...extra };
}

/** Routes kafkajs' own logging into the service logger instead of its console output. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () => (entry: LogEntry) => {
    const record = kafkaLogRecord(entry);
    if (entry.level === logLevel.ERROR || entry.level === logLevel.NOTHING) logger.error(record);
    else if (entry.level === logLevel.WARN) logger.warn(record);
    else logger.log(record);
  };
}
