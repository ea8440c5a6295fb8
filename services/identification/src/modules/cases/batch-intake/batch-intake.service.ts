import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '@prp/persistence';
import { DATA_SOURCE } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from '../../../config/identification.config';
import { PiiWorker } from '../pii-worker';
import { BatchPreparer, type StartedChunk } from './batch-preparer';
import { summarize, type PreparedRecord, type RecordVerdict } from './batch-record';
import { BulkCaseWriter } from './bulk-case-writer';
import type { ApiKeyPrincipal } from '../../access/api-key';

export const CHUNK_SIZE = 1_000;
/** A chunk that loses a race for an idempotency key to another import is stored again, at most this often. */
const STORE_ATTEMPTS = 3;
/** Person locks a chunk may hold (about three people a household) need this much of PostgreSQL's lock table. */
export const MIN_LOCKS_PER_TRANSACTION = 256;

/** Why the database's lock table is too small for concurrent imports, or null when it is large enough. */
export function lockTableWarning(maxLocksPerTransaction: number): string | null {
  if (maxLocksPerTransaction >= MIN_LOCKS_PER_TRANSACTION) return null;
  return (
    `PostgreSQL max_locks_per_transaction is ${maxLocksPerTransaction}, below ${MIN_LOCKS_PER_TRANSACTION}: ` +
    `a batch chunk holds about ${3 * CHUNK_SIZE} person locks, and a few concurrent imports may fail with ` +
    `"out of shared memory" (see deploy/k8s/README.md)`
  );
}

export interface BatchOptions {
  campaignId?: string;
  areaPrefixes?: string[];
  /** The caller's API key: records outside its area are reported, the rest stored. */
  key?: Pick<ApiKeyPrincipal, 'areaCode' | 'areaPrefix'>;
  /** Runs in each chunk's transaction after its rows, e.g. to commit a campaign's progress with them. */
  onChunk?: (manager: EntityManager, verdicts: RecordVerdict[]) => Promise<void>;
}

/**
 * Batch intake: records are validated and screened in memory, then stored chunk by chunk, each chunk in
 * one transaction (cases, members, outbox, progress): a record is stored whole or reported, never in part.
 */
@Injectable()
export class BatchIntakeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BatchIntakeService.name);
  private readonly pii: PiiWorker;
  private readonly writer = new BulkCaseWriter();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTIFICATION_CONFIG) config: IdentificationConfig,
    private readonly preparer: BatchPreparer,
  ) {
    this.pii = new PiiWorker(config.PII_SECRET);
  }

  async onApplicationBootstrap(): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT current_setting('max_locks_per_transaction')::int AS n`);
    const warning = lockTableWarning(row.n);
    if (warning) this.logger.warn(warning);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pii.close();
  }

  /**
   * Chunks go through a pipeline: while chunk n is written (PostgreSQL working), chunk n+1 is validated and
   * screened (Node working) and the ID numbers of chunk n+2 are protected (the PII worker). Writes stay strictly one
   * after another, so de-duplication sees every earlier chunk committed.
   */
  async intake(records: unknown[], options: BatchOptions = {}) {
    const verdicts: RecordVerdict[] = [];
    const seenKeys = new Set<string>();
    const dueDates = new Map<string, string>();
    const prepareOptions = { pii: this.pii, areaPrefixes: options.areaPrefixes, key: options.key, seenKeys, dueDates };
    const start = (offset: number) => this.preparer.start(records.slice(offset, offset + CHUNK_SIZE), offset, this.pii);
    let writing: Promise<RecordVerdict[]> | undefined;
    try {
      let next = records.length > 0 ? start(0) : undefined;
      for (let offset = 0; offset < records.length; offset += CHUNK_SIZE) {
        const current = next as StartedChunk;
        // The next chunk's ID numbers go to the PII worker before this chunk is screened (see `BatchPreparer.start`).
        next = offset + CHUNK_SIZE < records.length ? start(offset + CHUNK_SIZE) : undefined;
        const { prepared, rejected } = await this.preparer.finish(current, prepareOptions);
        if (writing) verdicts.push(...(await writing));
        writing = this.store(prepared, rejected, options);
        writing.catch(() => undefined); // awaited below; this keeps a failure meanwhile from being "unhandled"
      }
      if (writing) verdicts.push(...(await writing));
    } catch (error) {
      await writing?.catch(() => undefined);
      throw error;
    }
    verdicts.sort((a, b) => a.index - b.index);
    return { summary: summarize(verdicts), verdicts };
  }

  private async store(
    prepared: PreparedRecord[],
    rejected: RecordVerdict[],
    options: BatchOptions,
  ): Promise<RecordVerdict[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const stored = await this.dataSource.transaction((manager) =>
          this.writer.write(manager, prepared, options.campaignId ?? null, (written) =>
            options.onChunk ? options.onChunk(manager, [...written, ...rejected]) : Promise.resolve(),
          ),
        );
        return [...stored, ...rejected];
      } catch (error) {
        // Another import stored one of these keys meanwhile (a township system resending a batch still running):
        // the next attempt answers that household as a replay. The case numbers the failed attempt drew are lost.
        if (attempt >= STORE_ATTEMPTS || !isUniqueViolation(error)) throw error;
        this.logger.warn(`chunk of ${prepared.length} households raced another import; storing it again`);
      }
    }
  }
}
