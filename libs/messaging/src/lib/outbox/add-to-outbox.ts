import type { EntityManager } from 'typeorm';
import { parseEnvelope, type AnyEnvelope } from '@prp/contracts';
import { MESSAGING_ERROR_CODES, MessagingError } from '../errors';
import { toOutgoingMessage } from '../outgoing-message';

/**
 * Stores an event in the outbox. Call it with the manager of the transaction that makes the state change,
 * so both commit or neither does; the relay publishes it afterwards (topic from the contracts, key = caseId).
 * The same event id stored twice is one message (deterministic ids make a repeated fact harmless).
 * `options.topic` routes the row to another topic than the contract names (a department's copy of a task).
 */
export async function addToOutbox(
  manager: EntityManager,
  envelope: AnyEnvelope,
  options: { topic?: string } = {},
): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new MessagingError(MESSAGING_ERROR_CODES.outboxOutsideTransaction, '发件箱写入必须在业务事务内进行（请使用事务的EntityManager）');
  }
  const event = parseEnvelope(envelope);
  const message = toOutgoingMessage(event);
  await manager.query(
    `INSERT INTO outbox_message (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (event_id) DO NOTHING`,
    [event.eventId, options.topic ?? message.topic, message.key, event.type, message.value],
  );
}
