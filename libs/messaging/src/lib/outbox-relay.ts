import type { DataSource } from 'typeorm';
import { consoleLogger, type MessagePublisher, type MessagingLogger, type OutgoingMessage } from './types';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  publisher: MessagePublisher;
  logger?: MessagingLogger;
  pollIntervalMs?: number;
  batchSize?: number;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: object;
}

/**
 * Publishes outbox rows in order and marks them sent. One relay per schema publishes at a time (a
 * transaction-scoped advisory lock), so several service replicas never reorder a household's events.
 * Delivery is at least once: a crash between publish and commit republishes, and consumers drop the copy.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private failures = 0;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? consoleLogger;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: publishes up to batchSize rows; returns how many were published. */
  async relayOnce(): Promise<number> {
    const { dataSource, batchSize = 100 } = this.options;
    return dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox')) AS locked`);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, event_id, topic, message_key, event_type, envelope FROM outbox_message
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (!rows.length) return 0;
      const seqs = rows.map((r) => r.seq);
      try {
        await this.options.publisher.publish(rows.map(toMessage));
      } catch (error) {
        await manager.query(`UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`, [seqs, (error as Error).message]);
        throw error;
      }
      await manager.query(`UPDATE outbox_message SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])`, [seqs]);
      return rows.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const { pollIntervalMs = 200, batchSize = 100 } = this.options;
    try {
      const published = await this.relayOnce();
      this.failures = 0;
      this.schedule(published >= batchSize ? 0 : pollIntervalMs);
    } catch (error) {
      this.failures += 1;
      const delay = Math.min(pollIntervalMs * 2 ** this.failures, 10_000);
      this.logger.warn({ msg: 'outbox relay failed; will retry', retryInMs: delay, error: (error as Error).message });
      this.schedule(delay);
    }
  }
}

function toMessage(row: OutboxRow): OutgoingMessage {
  const value = typeof row.envelope === 'string' ? row.envelope : JSON.stringify(row.envelope);
  const envelope = JSON.parse(value) as { schemaVersion: number };
  return {
    topic: row.topic,
    key: row.message_key,
    value,
    headers: { 'event-type': row.event_type, 'event-id': row.event_id, 'schema-version': String(envelope.schemaVersion) },
  };
}
