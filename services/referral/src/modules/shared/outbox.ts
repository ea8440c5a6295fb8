import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { createEnvelope, parseEnvelope, type AnyEnvelope, type EventPayloads, type EventType } from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';

export const PRODUCER = 'referral';

/** Stores one assistance event in the outbox of the caller's transaction (topic from the contracts, key = caseId). */
export async function emit<K extends EventType>(
  manager: EntityManager,
  type: K,
  target: { caseId: string; areaCode: string },
  payload: EventPayloads[K],
): Promise<void> {
  const envelope = createEnvelope({
    type,
    eventId: randomUUID(),
    caseId: target.caseId,
    areaCode: target.areaCode,
    producer: PRODUCER,
    payload,
  });
  await addToOutbox(manager, envelope as AnyEnvelope);
}

/**
 * Stores a copy of a `task.created` event for a department's own topic. The outbox routes by event type, so
 * the copy gets its own event id and names its topic explicitly; the relay publishes it like any other row.
 */
export async function emitToDepartment(
  manager: EntityManager,
  topic: string,
  target: { caseId: string; areaCode: string },
  payload: EventPayloads['task.created'],
): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('发件箱写入必须在业务事务内进行');
  const envelope = parseEnvelope(
    createEnvelope({
      type: 'task.created',
      eventId: randomUUID(),
      caseId: target.caseId,
      areaCode: target.areaCode,
      producer: PRODUCER,
      payload,
    }),
  );
  await manager.query(
    `INSERT INTO outbox_message (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (event_id) DO NOTHING`,
    [envelope.eventId, topic, envelope.caseId, envelope.type, JSON.stringify(envelope)],
  );
}
