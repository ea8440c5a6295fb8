import type { EntityManager } from 'typeorm';
import { parseEnvelope, type AnyEnvelope, type Envelope, type EventType } from '@prp/contracts';
import { toOutgoingMessage } from './outgoing';

/**
 * Queues an event for publishing. Call it with the manager of the transaction that changes the state the
 * event reports: both commit or neither does. The event is validated here, on the producing side.
 */
export async function addToOutbox(manager: EntityManager, envelope: Envelope<EventType, unknown> | AnyEnvelope): Promise<void> {
  const valid = parseEnvelope(envelope);
  const message = toOutgoingMessage(valid);
  await manager.query(
    `INSERT INTO outbox_message (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
    [valid.eventId, message.topic, message.key, valid.type, message.value],
  );
}
