import { TOPICS, type DeadLetterRecord } from '@prp/contracts';
import { MESSAGING_ERROR_CODES } from '../errors';

/** A consumed message as this library sees it, before decoding. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** What goes to the dead-letter topic; the key may be null when the original had none. */
export interface DeadLetterMessage {
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

export const DEAD_LETTER_HEADERS = {
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
  consumerGroup: 'consumer-group',
  errorCode: 'error-code',
} as const;

type ErrorInfo = DeadLetterRecord['error'];

/** The error part of a dead-letter record: its stable code, message and (for contract violations) issues. */
export function describeError(error: unknown, fallbackCode: string = MESSAGING_ERROR_CODES.handlerFailed): ErrorInfo {
  if (!(error instanceof Error)) return { code: fallbackCode, message: String(error) };
  const { code, issues } = error as { code?: unknown; issues?: unknown };
  const info: ErrorInfo = { code: typeof code === 'string' && code ? code : fallbackCode, message: error.message };
  if (Array.isArray(issues)) info.issues = issues.map((i: { path?: unknown; message?: unknown }) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));
  return info;
}

export function buildDeadLetterRecord(message: IncomingMessage, consumerGroup: string, error: ErrorInfo, failedAt = new Date()): DeadLetterRecord {
  return {
    originalTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    consumerGroup,
    error,
    failedAt: failedAt.toISOString(),
  };
}

/** The dead-letter message for a record: same key as the original, where it came from in the headers. */
export function toDeadLetterMessage(record: DeadLetterRecord, originalHeaders: Record<string, string> = {}): DeadLetterMessage {
  return {
    topic: TOPICS.deadLetter,
    key: record.key,
    value: JSON.stringify(record),
    headers: {
      ...originalHeaders,
      [DEAD_LETTER_HEADERS.originalTopic]: record.originalTopic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(record.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: record.offset,
      [DEAD_LETTER_HEADERS.consumerGroup]: record.consumerGroup,
      [DEAD_LETTER_HEADERS.errorCode]: record.error.code,
    },
  };
}
