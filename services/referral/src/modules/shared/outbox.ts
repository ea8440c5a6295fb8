import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { createEnvelope, type AnyEnvelope, type EventPayloads, type EventType } from '@prp/contracts';
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
 * Stores a copy of a `task.created` event for a department's own topic: its own event id, the department topic
 * instead of the contract's; the relay publishes it like any other row.
 */
export async function emitToDepartment(
  manager: EntityManager,
  topic: string,
  target: { caseId: string; areaCode: string },
  payload: EventPayloads['task.created'],
): Promise<void> {
  const envelope = createEnvelope({
    type: 'task.created',
    eventId: randomUUID(),
    caseId: target.caseId,
    areaCode: target.areaCode,
    producer: PRODUCER,
    payload,
  });
  await addToOutbox(manager, envelope as AnyEnvelope, { topic });
}
