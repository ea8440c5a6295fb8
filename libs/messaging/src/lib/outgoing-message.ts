import { topicOf, type AnyEnvelope } from '@prp/contracts';
import type { OutgoingMessage } from './message-bus';

/** Header names every contract event carries beside its body. */
export const EVENT_HEADERS = {
  eventType: 'event-type',
  eventId: 'event-id',
  schemaVersion: 'schema-version',
} as const;

export function envelopeHeaders(envelope: { type: string; eventId: string; schemaVersion: number }): Record<string, string> {
  return {
    [EVENT_HEADERS.eventType]: envelope.type,
    [EVENT_HEADERS.eventId]: envelope.eventId,
    [EVENT_HEADERS.schemaVersion]: String(envelope.schemaVersion),
  };
}

/** An event as a Kafka message: topic from the contracts, key = case id (one household stays ordered). */
export function toOutgoingMessage(envelope: AnyEnvelope): OutgoingMessage {
  return {
    topic: topicOf(envelope.type),
    key: envelope.caseId,
    value: JSON.stringify(envelope),
    headers: envelopeHeaders(envelope),
  };
}
