import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from '../../../config/identification.config';
import { PiiProtector } from '../pii';
import { BatchPreparer } from './batch-preparer';
import { summarize, type RecordVerdict } from './batch-record';
import { BulkCaseWriter } from './bulk-case-writer';
import type { ApiKeyPrincipal } from '../../access/api-key';

export const CHUNK_SIZE = 1_000;

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
export class BatchIntakeService {
  private readonly pii: PiiProtector;
  private readonly writer: BulkCaseWriter;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTIFICATION_CONFIG) config: IdentificationConfig,
    private readonly preparer: BatchPreparer,
  ) {
    this.pii = new PiiProtector(config.PII_SECRET);
    this.writer = new BulkCaseWriter(this.pii);
  }

  async intake(records: unknown[], options: BatchOptions = {}) {
    const verdicts: RecordVerdict[] = [];
    const seenKeys = new Set<string>();
    for (let offset = 0; offset < records.length; offset += CHUNK_SIZE) {
      const chunk = records.slice(offset, offset + CHUNK_SIZE);
      const { prepared, rejected } = await this.preparer.prepare(chunk, offset, {
        pii: this.pii,
        areaPrefixes: options.areaPrefixes,
        key: options.key,
        seenKeys,
      });
      const stored = await this.dataSource.transaction(async (manager) => {
        const written = await this.writer.write(manager, prepared, options.campaignId ?? null);
        await options.onChunk?.(manager, [...written, ...rejected]);
        return written;
      });
      verdicts.push(...stored, ...rejected);
    }
    verdicts.sort((a, b) => a.index - b.index);
    return { summary: summarize(verdicts), verdicts };
  }
}
