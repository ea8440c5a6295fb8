import type { DataSource, EntityManager } from 'typeorm';
import type { AnyEnvelope } from '@prp/contracts';
import type { MessageHandler } from '../message-bus';

export type IdempotentEffect = (manager: EntityManager, envelope: AnyEnvelope) => Promise<void>;

const MARK_SQL = `INSERT INTO processed_event (consumer_group, event_id) VALUES ($1, $2)
  ON CONFLICT (consumer_group, event_id) DO NOTHING RETURNING event_id`;

/**
 * Wraps an effect so each event is applied once per consumer group, however often Kafka delivers it:
 * the processed-event marker and the effect share one transaction, so they commit or roll back together.
 * A concurrent duplicate waits on the marker's row lock and is then skipped.
 */
export function idempotent(dataSource: DataSource, consumerGroup: string, effect: IdempotentEffect): MessageHandler {
  return (envelope) =>
    dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(MARK_SQL, [consumerGroup, envelope.eventId])) as unknown[];
      if (inserted.length === 0) return;
      await effect(manager, envelope);
    });
}
