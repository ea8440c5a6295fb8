import type { DataSource, EntityManager } from 'typeorm';
import { MESSAGING_ERROR_CODES, MessagingError } from '../errors';
import { consoleJsonLogger, errorFields, type MessagingLogger } from '../logger';
import type { MessagePublisher, OutgoingMessage } from '../message-bus';
import { envelopeHeaders } from '../outgoing-message';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  publisher: MessagePublisher;
  logger?: MessagingLogger;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Longest wait between attempts while publishing keeps failing (default 30 s). */
  maxBackoffMs?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  envelope: { type: string; eventId: string; schemaVersion: number };
}

type BatchResult = { published: number; failed?: { count: number; error: unknown } };

/** Only one relay per schema publishes at a time (several service replicas may run one each). */
const LOCK_SQL = `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay')) AS locked`;
const SELECT_SQL = `SELECT seq, topic, message_key, envelope FROM outbox_message
  WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`;
const MARK_PUBLISHED_SQL = `UPDATE outbox_message SET published_at = now(), attempts = attempts + 1, last_error = NULL
  WHERE seq = ANY($1::bigint[])`;
const MARK_FAILED_SQL = `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`;

export function outboxRowToMessage(row: OutboxRow): OutgoingMessage {
  return { topic: row.topic, key: row.message_key, value: JSON.stringify(row.envelope), headers: envelopeHeaders(row.envelope) };
}

/** Wait before the next poll after `failures` failed runs in a row: the poll interval, doubled per failure, capped. */
export function relayBackoff(pollIntervalMs: number, failures: number, maxBackoffMs: number): number {
  if (failures <= 0) return pollIntervalMs;
  return Math.min(maxBackoffMs, Math.max(pollIntervalMs, 1) * 2 ** Math.min(failures, 30));
}

/** Publishes outbox rows in `seq` order and marks them published; a failed batch stays for the next run. */
export class OutboxRelay {
  private readonly logger: MessagingLogger;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private lastRun: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private running = false;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? consoleJsonLogger;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.batchSize = options.batchSize ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the run in progress. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.lastRun.catch(() => undefined);
  }

  /** One batch; returns how many messages were published. Runs never overlap, even when called by hand. */
  relayOnce(): Promise<number> {
    const run = this.lastRun.catch(() => undefined).then(() => this.runBatch());
    this.lastRun = run;
    return run;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    let delay = this.pollIntervalMs;
    try {
      const published = await this.relayOnce();
      if (this.failures > 0) this.logger.log({ msg: '发件箱发布已恢复', afterFailures: this.failures });
      this.failures = 0;
      if (published === this.batchSize) delay = 0;
    } catch (error) {
      this.failures += 1;
      delay = relayBackoff(this.pollIntervalMs, this.failures, this.maxBackoffMs);
      this.logger.error({ msg: '发件箱发布失败，稍后重试', failures: this.failures, retryInMs: delay, ...errorFields(error) });
    }
    this.schedule(delay);
  }

  private async runBatch(): Promise<number> {
    const result = await this.options.dataSource.transaction((manager) => this.publishBatch(manager));
    if (result.failed) {
      const reason = result.failed.error instanceof Error ? result.failed.error.message : String(result.failed.error);
      throw new MessagingError(MESSAGING_ERROR_CODES.publishFailed, `发件箱消息发布失败（本批${result.failed.count}条，保留待重发）：${reason}`, { cause: result.failed.error });
    }
    return result.published;
  }

  private async publishBatch(manager: EntityManager): Promise<BatchResult> {
    const [{ locked }] = (await manager.query(LOCK_SQL)) as { locked: boolean }[];
    if (!locked) return { published: 0 };
    const rows = (await manager.query(SELECT_SQL, [this.batchSize])) as OutboxRow[];
    if (rows.length === 0) return { published: 0 };
    const seqs = rows.map((row) => row.seq);
    try {
      await this.options.publisher.publish(rows.map(outboxRowToMessage));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await manager.query(MARK_FAILED_SQL, [seqs, reason.slice(0, 2_000)]);
      return { published: 0, failed: { count: rows.length, error } };
    }
    await manager.query(MARK_PUBLISHED_SQL, [seqs]);
    return { published: rows.length };
  }
}
