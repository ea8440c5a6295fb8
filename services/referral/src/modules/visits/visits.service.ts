import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { findRecord } from '../assignment/assignment.store';
import { quarterOf } from '../shared/dates';
import { emit } from '../shared/outbox';
import { RecordNotFoundException, VisitHelperException } from '../shared/referral-errors';
import type { RecordVisit } from './visits.dto';

/** The helper's handbook of visits (帮扶手册): at least one per calendar quarter (the clock is the workflow's). */
@Injectable()
export class VisitsService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async record(caseId: string, body: RecordVisit) {
    const visitId = body.visitId ?? randomUUID();
    const quarter = quarterOf(body.visitedOn);
    const created = await this.dataSource.transaction(async (manager) => {
      const record = await findRecord(manager, caseId);
      if (!record) throw new RecordNotFoundException(caseId);
      const current: unknown[] = await manager.query(
        `SELECT 1 FROM helper_assignment WHERE case_id = $1 AND assignee_id = $2 AND ended_on IS NULL`,
        [caseId, body.helperId],
      );
      if (current.length === 0) throw new VisitHelperException(body.helperId);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO visit (id, case_id, helper_id, visited_on, quarter, findings, photos, income_changes, new_risk_points)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          visitId,
          caseId,
          body.helperId,
          body.visitedOn,
          quarter,
          body.findings,
          JSON.stringify(body.photos),
          JSON.stringify(body.incomeChanges),
          JSON.stringify(body.newRiskPoints),
        ],
      );
      if (inserted.length === 0) return false;
      await emit(manager, 'visit.recorded', record, {
        visitId,
        helperId: body.helperId,
        visitedOn: body.visitedOn,
        quarter,
        newRiskPoints: body.newRiskPoints,
        photoCount: body.photos.length,
      });
      return true;
    });
    return { visitId, caseId, quarter, created, newRiskPoints: body.newRiskPoints };
  }
}
