import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { STAGE_STEPS, type ListStagesQuery, type StageItemView, type StagesView } from './list-stages.dto';

/** Folds the per-step counts into every known step, in chain order, zero where no household stands. */
export function countsByStep(rows: { step: string; count: number }[]): StagesView['counts'] {
  const byStep = new Map(rows.map((row) => [row.step, row.count]));
  const known = STAGE_STEPS.map((step) => ({ step, count: byStep.get(step) ?? 0 }));
  const others = rows.filter((row) => !(STAGE_STEPS as readonly string[]).includes(row.step));
  return [...known, ...others];
}

@Injectable()
export class ListStagesService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async list(query: ListStagesQuery): Promise<StagesView> {
    const area = query.areaCode ?? null;
    const counts: { step: string; count: number }[] = await this.dataSource.query(
      `SELECT step, count(*)::int AS count FROM case_stage WHERE ($1::text IS NULL OR area_code LIKE $1 || '%') GROUP BY step`,
      [area],
    );
    const where = `($1::text IS NULL OR s.area_code LIKE $1 || '%') AND ($2::text IS NULL OR s.step = $2)`;
    const items: StageItemView[] = await this.dataSource.query(
      `SELECT s.case_id AS "caseId", c.case_no AS "caseNo", s.area_code AS "areaCode", s.step, s.outcome,
              s.last_step AS "lastStep", s.last_result AS "lastResult", s.changed_at AS "changedAt"
       FROM case_stage s LEFT JOIN case_summary c ON c.case_id = s.case_id
       WHERE ${where} ORDER BY s.changed_at, s.case_id LIMIT $3 OFFSET $4`,
      [area, query.step ?? null, query.limit, query.offset],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM case_stage s WHERE ${where}`, [
      area,
      query.step ?? null,
    ]);
    return { counts: countsByStep(counts), items, total };
  }
}
