import { TOPICS, topicOf, type AnyEnvelope, type DeadLetterRecord, type Envelope, type EventType } from '@prp/contracts';
import type { MessageMeta, OutgoingMessage } from './types';

/** Envelope -> broker message: topic from the contracts, key = case id (one household stays ordered). */
export function toOutgoingMessage(envelope: Envelope<EventType, unknown> | AnyEnvelope): OutgoingMessage {
  return {
    topic: topicOf(envelope.type as EventType),
    key: envelope.caseId,
    value: JSON.stringify(envelope),
    headers: { 'event-type': envelope.type, 'event-id': envelope.eventId, 'schema-version': String(envelope.schemaVersion) },
  };
}

export interface FailedMessage {
  meta: MessageMeta;
  value: string | null;
  consumerGroup: string;
  error: unknown;
}

function errorDetails(error: unknown): DeadLetterRecord['error'] {
  const e = error as { code?: unknown; message?: unknown; issues?: DeadLetterRecord['error']['issues'] };
  const code = typeof e?.code === 'string' ? e.code : error instanceof SyntaxError ? 'MESSAGE.NOT_JSON' : 'HANDLER.FAILED';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return e?.issues ? { code, message, issues: e.issues } : { code, message };
}

/** The dead-letter message for a message that could not be handled: original value untouched, plus why. */
export function toDeadLetterMessage(failed: FailedMessage, now = new Date()): OutgoingMessage {
  const record: DeadLetterRecord = {
    originalTopic: failed.meta.topic,
    partition: failed.meta.partition,
    offset: failed.meta.offset,
    key: failed.meta.key,
    value: failed.value,
    consumerGroup: failed.consumerGroup,
    error: errorDetails(failed.error),
    failedAt: now.toISOString(),
  };
  return {
    topic: TOPICS.deadLetter,
    key: failed.meta.key ?? `${failed.meta.topic}:${failed.meta.partition}:${failed.meta.offset}`,
    value: JSON.stringify(record),
    headers: {
      'original-topic': failed.meta.topic,
      'original-partition': String(failed.meta.partition),
      'original-offset': failed.meta.offset,
      'consumer-group': failed.consumerGroup,
      'error-code': record.error.code,
    },
  };
}

/** Delay before retry number `attempt` (1-based): base, 2×base, 4×base … capped at 30 s. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 30_000);
}
