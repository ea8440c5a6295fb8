import { randomUUID } from 'crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { BatchIntakeService } from '../cases/batch-intake/batch-intake.service';
import type { RecordVerdict } from '../cases/batch-intake/batch-record';
import { areaPrefix } from '../cases/list-cases/list-cases.controller';
import type { ApiKeyPrincipal } from '../access/api-key';
import type { CampaignProgress, CreateCampaignRequest } from './campaign.dto';

interface CampaignRow {
  id: string;
  kind: string;
  quarter: string;
  area_codes: string[];
  status: string;
  total: number;
  done: number;
  flagged: number;
  rejected: number;
  created_at: Date;
}

/** Screening campaigns (季度摸排): households go through batch intake; progress is committed with each chunk. */
@Injectable()
export class CampaignsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly batch: BatchIntakeService,
  ) {}

  async create(request: CreateCampaignRequest) {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO screening_campaign (id, kind, quarter, area_codes) VALUES ($1, $2, $3, $4::text[])`,
      [id, request.kind, request.quarter, request.areaCodes],
    );
    return this.get(id);
  }

  async get(id: string) {
    const rows: CampaignRow[] = await this.dataSource.query(`SELECT * FROM screening_campaign WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundException({ code: 'CAMPAIGN.NOT_FOUND', message: `摸排任务不存在：${id}` });
    const row = rows[0];
    return { id: row.id, kind: row.kind, quarter: row.quarter, areaCodes: row.area_codes, createdAt: row.created_at, progress: progress(row) };
  }

  async importHouseholds(id: string, records: unknown[], key?: Pick<ApiKeyPrincipal, 'areaCode' | 'areaPrefix'>) {
    const campaign = await this.get(id);
    await this.dataSource.query(
      `UPDATE screening_campaign SET total = total + $2, status = 'RUNNING', updated_at = now() WHERE id = $1`,
      [id, records.length],
    );
    try {
      const result = await this.batch.intake(records, {
        campaignId: id,
        areaPrefixes: campaign.areaCodes.map(areaPrefix),
        key,
        onChunk: (manager, verdicts) => this.commitProgress(manager, id, verdicts),
      });
      return { ...result, progress: (await this.setStatus(id, 'IMPORTED')).progress };
    } catch (error) {
      await this.setStatus(id, 'FAILED');
      throw error;
    }
  }

  private async commitProgress(manager: EntityManager, id: string, verdicts: RecordVerdict[]): Promise<void> {
    const flagged = verdicts.filter((v) => v.status === 'CREATED' && v.caseStatus === 'SUSPECTED').length;
    const rejected = verdicts.filter((v) => v.status === 'REJECTED').length;
    await manager.query(
      `UPDATE screening_campaign SET done = done + $2, flagged = flagged + $3, rejected = rejected + $4, updated_at = now()
       WHERE id = $1`,
      [id, verdicts.length, flagged, rejected],
    );
  }

  private async setStatus(id: string, status: string) {
    await this.dataSource.query(`UPDATE screening_campaign SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    return this.get(id);
  }
}

/** `done` counts every processed household (stored or rejected); `remaining` those of a running import still to go. */
function progress(row: CampaignRow): CampaignProgress {
  return {
    total: row.total,
    done: row.done,
    flagged: row.flagged,
    rejected: row.rejected,
    remaining: row.total - row.done,
    status: row.status,
  };
}
