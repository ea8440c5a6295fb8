import type { DataSource, EntityManager } from 'typeorm';
import type { AnyEnvelope } from '@prp/contracts';
import type { EnvelopeHandler } from './types';

export type IdempotentEffect = (manager: EntityManager, envelope: AnyEnvelope) => Promise<void>;

/**
 * Wraps an effect so a redelivered event is applied once: the processed-event marker and the effect
 * commit (or roll back) in one transaction.
 */
export function idempotent(dataSource: DataSource, consumerGroup: string, effect: IdempotentEffect): EnvelopeHandler {
  return async (envelope) => {
    await dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO processed_event (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumerGroup, envelope.eventId],
      );
      if (inserted.length === 0) return;
      await effect(manager, envelope);
    });
  };
}
