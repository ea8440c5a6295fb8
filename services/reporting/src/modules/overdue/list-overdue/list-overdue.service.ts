import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { toShanghaiDate } from '@prp/calendar';
import { DATA_SOURCE } from '@prp/service-kit';
import type { ListOverdueQuery, OverdueItemView } from './list-overdue.dto';

const DAY_MS = 86_400_000;

export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

interface OverdueRow {
  case_id: string;
  case_no: string | null;
  kind: string;
  due_date: string;
  due_at: Date;
  area_code: string;
  responsible_level: string;
  escalated_to: string;
  resolved_at: Date | null;
  resolved_on: string | null;
  resolved_by_type: string | null;
  task_id: string | null;
  department: string | null;
  helper_id: string | null;
  role: string | null;
  period: string | null;
}

@Injectable()
export class ListOverdueService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async list(query: ListOverdueQuery, now = new Date()): Promise<{ items: OverdueItemView[]; total: number }> {
    const where = [
      `($1::text IS NULL OR o.area_code LIKE $1 || '%')`,
      '($2::text IS NULL OR o.kind = $2)',
      '($3::boolean OR o.resolved_at IS NULL)',
      '($4::text IS NULL OR o.department = $4)',
    ].join(' AND ');
    const params = [query.area ?? null, query.kind ?? null, query.include === 'resolved', query.department ?? null];
    const rows: OverdueRow[] = await this.dataSource.query(
      `SELECT o.*, to_char(o.due_date, 'YYYY-MM-DD') AS due_date,
              to_char(o.resolved_on, 'YYYY-MM-DD') AS resolved_on, c.case_no FROM overdue_item o
       LEFT JOIN case_summary c ON c.case_id = o.case_id
       WHERE ${where} ORDER BY o.due_at ASC, o.case_id, o.subject_key LIMIT $5 OFFSET $6`,
      [...params, query.limit, query.offset],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM overdue_item o WHERE ${where}`,
      params,
    );
    const today = toShanghaiDate(now);
    return { items: rows.map((row) => toView(row, today)), total };
  }
}

function toView(row: OverdueRow, today: string): OverdueItemView {
  return {
    caseId: row.case_id,
    caseNo: row.case_no,
    kind: row.kind,
    dueDate: row.due_date,
    dueAt: row.due_at.toISOString(),
    daysOverdue: Math.max(0, daysBetween(row.due_date, today)),
    areaCode: row.area_code,
    responsibleLevel: row.responsible_level,
    escalatedTo: row.escalated_to,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedOn: row.resolved_on,
    resolvedByType: row.resolved_by_type,
    subject: subjectOf(row),
  };
}

function subjectOf(row: OverdueRow): OverdueItemView['subject'] {
  const subject = {
    ...(row.task_id ? { taskId: row.task_id } : {}),
    ...(row.department ? { department: row.department } : {}),
    ...(row.helper_id ? { helperId: row.helper_id } : {}),
    ...(row.role ? { role: row.role } : {}),
    ...(row.period ? { period: row.period } : {}),
  };
  return Object.keys(subject).length ? subject : null;
}
