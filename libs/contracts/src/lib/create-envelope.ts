import type { Envelope } from './envelope';
import { EVENT_DEFINITIONS, type EventPayloads, type EventType } from './events';
import { parseEnvelope } from './validation';

export interface NewEventInput<K extends EventType> {
  type: K;
  eventId: string;
  caseId: string;
  areaCode: string;
  producer: string;
  payload: EventPayloads[K];
  occurredAt?: string;
}

/**
 * Builds an event and validates it on the producing side. The caller supplies the eventId (a random
 * UUID, or a deterministic one when the same fact may be produced twice, so consumers drop the copy).
 */
export function createEnvelope<K extends EventType>(input: NewEventInput<K>): Envelope<K, EventPayloads[K]> {
  const envelope = {
    eventId: input.eventId,
    type: input.type,
    caseId: input.caseId,
    areaCode: input.areaCode,
    occurredAt: input.occurredAt ?? new Date().toISOString(),
    schemaVersion: EVENT_DEFINITIONS[input.type].schemaVersion,
    producer: input.producer,
    payload: input.payload,
  };
  parseEnvelope(envelope);
  return envelope;
}

export function topicOf(type: EventType) {
  return EVENT_DEFINITIONS[type].topic;
}
