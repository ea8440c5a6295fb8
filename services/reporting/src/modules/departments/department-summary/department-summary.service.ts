import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import {
  TASK_STATUSES,
  type DepartmentSummaryQuery,
  type DepartmentSummaryView,
  type OpenTaskView,
} from './department-summary.dto';

/** Every known status in order, zero where the department has no task. */
export function countsByStatus(rows: { status: string; count: number }[]): DepartmentSummaryView['counts'] {
  const byStatus = new Map(rows.map((row) => [row.status, row.count]));
  return TASK_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
}

const IN_AREA = `($2::text IS NULL OR area_code LIKE $2 || '%')`;
const OPEN_OVERDUE = `o.department = $1 AND o.resolved_at IS NULL AND ($2::text IS NULL OR o.area_code LIKE $2 || '%')`;

/** A department's task list (部门任务清单) with its open and overdue counts. */
@Injectable()
export class DepartmentSummaryService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async summary(department: string, query: DepartmentSummaryQuery): Promise<DepartmentSummaryView> {
    const params = [department, query.area ?? null];
    const counts: { status: string; count: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM department_task WHERE department = $1 AND ${IN_AREA} GROUP BY status`,
      params,
    );
    const [overdue]: { items: number; tasks: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS items, count(DISTINCT o.task_id)::int AS tasks FROM overdue_item o WHERE ${OPEN_OVERDUE}`,
      params,
    );
    const openTasks: OpenTaskView[] = await this.dataSource.query(
      `SELECT t.task_id AS "taskId", t.case_id AS "caseId", t.area_code AS "areaCode", t.measure, t.status,
              to_char(t.created_on, 'YYYY-MM-DD') AS "createdOn", t.last_reported_period AS "lastReportedPeriod",
              (SELECT count(*)::int FROM overdue_item o WHERE o.task_id = t.task_id AND ${OPEN_OVERDUE}) AS "overdueReports"
       FROM department_task t
       WHERE t.department = $1 AND ($2::text IS NULL OR t.area_code LIKE $2 || '%') AND t.status IN ('OPEN', 'ACKNOWLEDGED')
       ORDER BY "overdueReports" DESC, t.created_on, t.task_id LIMIT $3 OFFSET $4`,
      [...params, query.limit, query.offset],
    );
    const folded = countsByStatus(counts);
    const openTotal = folded
      .filter((c) => c.status === 'OPEN' || c.status === 'ACKNOWLEDGED')
      .reduce((n, c) => n + c.count, 0);
    return { department, counts: folded, overdue, openTasks, openTotal };
  }
}
