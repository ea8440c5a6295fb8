import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { DepartmentCode } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import { todayInShanghai } from '../shared/dates';
import { emit } from '../shared/outbox';
import {
  ApiKeyInvalidException,
  DepartmentForbiddenException,
  TaskForbiddenException,
  TaskNotFoundException,
  TaskStateException,
} from '../shared/referral-errors';
import { ApiKeysService } from './api-keys.service';
import type { DatedAction, ListTasksQuery, RejectTask, ReportTask, TaskStatus } from './department-tasks.dto';

interface TaskRow {
  id: string;
  case_id: string;
  area_code: string;
  department: DepartmentCode;
  status: TaskStatus;
}

const TASK_COLUMNS = `t.id AS "taskId", t.plan_id AS "planId", t.case_id AS "caseId", t.area_code AS "areaCode", t.measure, t.department,
  t.need, t.status, to_char(t.created_on, 'YYYY-MM-DD') AS "createdOn", to_char(t.acknowledged_on, 'YYYY-MM-DD') AS "acknowledgedOn",
  to_char(t.completed_on, 'YYYY-MM-DD') AS "completedOn", to_char(t.returned_on, 'YYYY-MM-DD') AS "returnedOn", t.return_reason AS "returnReason",
  json_build_object('colour', r.colour, 'category', r.category, 'memberCount', r.member_count, 'registeredPoor', r.registered_poor,
    'relocated', r.relocated) AS household`;

/** A department's task list (任务清单): it sees and changes only its own tasks. */
@Injectable()
export class DepartmentTasksService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly keys: ApiKeysService,
  ) {}

  /** 401 without a valid key, 403 when the key belongs to another department. */
  async authorize(code: DepartmentCode, apiKey: string | undefined): Promise<void> {
    const department = await this.keys.departmentOf(apiKey);
    if (!department) throw new ApiKeyInvalidException();
    if (department !== code) throw new DepartmentForbiddenException(code);
  }

  async list(code: DepartmentCode, q: ListTasksQuery) {
    const rows: (Record<string, unknown> & { total: number })[] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS}, count(*) OVER ()::int AS total
       FROM department_task t JOIN assistance_record r ON r.case_id = t.case_id
       WHERE t.department = $1 AND ($2::text IS NULL OR t.status = $2)
       ORDER BY t.created_at, t.id LIMIT $3 OFFSET $4`,
      [code, q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      page: q.page,
      pageSize: q.pageSize,
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _t, ...item }) => item),
    };
  }

  async get(code: DepartmentCode, taskId: string) {
    await this.lockOwn(this.dataSource.manager, code, taskId, false);
    const [task] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM department_task t JOIN assistance_record r ON r.case_id = t.case_id WHERE t.id = $1`,
      [taskId],
    );
    const reports = await this.dataSource.query(
      `SELECT id AS "reportId", kind, period, amount_fen::text AS "amountFen", evidence, note, to_char(reported_on, 'YYYY-MM-DD') AS "reportedOn"
       FROM task_report WHERE task_id = $1 ORDER BY created_at, id`,
      [taskId],
    );
    return {
      ...task,
      reports: reports.map((r: { amountFen: string | null }) => ({
        ...r,
        amountFen: r.amountFen === null ? null : Number(r.amountFen),
      })),
    };
  }

  async acknowledge(code: DepartmentCode, taskId: string, body: DatedAction) {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockOwn(manager, code, taskId);
      if (task.status !== 'CREATED') throw new TaskStateException(taskId, task.status, '签收');
      const on = body.on ?? todayInShanghai();
      await this.setStatus(manager, taskId, 'ACKNOWLEDGED', `acknowledged_on = $3`, [on]);
      await emit(manager, 'task.acknowledged', target(task), { taskId, department: code, acknowledgedOn: on });
      await this.measuresStarted(manager, task, on);
    });
    return this.get(code, taskId);
  }

  async report(code: DepartmentCode, taskId: string, body: ReportTask) {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockOwn(manager, code, taskId);
      if (!['CREATED', 'ACKNOWLEDGED', 'IN_PROGRESS'].includes(task.status))
        throw new TaskStateException(taskId, task.status, '反馈');
      const on = body.reportedOn ?? todayInShanghai();
      await manager.query(
        `INSERT INTO task_report (id, task_id, kind, period, amount_fen, evidence, note, reported_on) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
        [
          randomUUID(),
          taskId,
          body.kind,
          body.period,
          body.amountFen ?? null,
          JSON.stringify(body.evidence),
          body.note ?? null,
          on,
        ],
      );
      await this.setStatus(manager, taskId, 'IN_PROGRESS', `acknowledged_on = coalesce(acknowledged_on, $3)`, [on]);
      await emit(manager, 'task.reported', target(task), {
        taskId,
        department: code,
        reportedOn: on,
        period: body.period,
        kind: body.kind,
        evidenceCount: body.evidence.length,
        ...(body.amountFen !== undefined ? { amountFen: body.amountFen } : {}),
      });
      await this.measuresStarted(manager, task, on);
    });
    return this.get(code, taskId);
  }

  async reject(code: DepartmentCode, taskId: string, body: RejectTask) {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockOwn(manager, code, taskId);
      if (!['CREATED', 'ACKNOWLEDGED', 'IN_PROGRESS'].includes(task.status))
        throw new TaskStateException(taskId, task.status, '退回');
      const on = body.rejectedOn ?? todayInShanghai();
      await this.setStatus(manager, taskId, 'RETURNED', `returned_on = $3, return_reason = $4`, [on, body.reason]);
      await emit(manager, 'task.rejected', target(task), {
        taskId,
        department: code,
        rejectedOn: on,
        reason: body.reason,
      });
    });
    return this.get(code, taskId);
  }

  async complete(code: DepartmentCode, taskId: string, body: DatedAction) {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockOwn(manager, code, taskId);
      if (!['ACKNOWLEDGED', 'IN_PROGRESS'].includes(task.status))
        throw new TaskStateException(taskId, task.status, '办结');
      const on = body.on ?? todayInShanghai();
      await this.setStatus(manager, taskId, 'COMPLETED', `completed_on = $3`, [on]);
      await emit(manager, 'task.completed', target(task), { taskId, department: code, completedOn: on });
    });
    return this.get(code, taskId);
  }

  /** The task, locked for the change; 404 if there is none, 403 if it belongs to another department. */
  private async lockOwn(manager: EntityManager, code: DepartmentCode, taskId: string, lock = true): Promise<TaskRow> {
    const rows: TaskRow[] = await manager.query(
      `SELECT id, case_id, area_code, department, status FROM department_task WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [taskId],
    );
    if (!rows[0]) throw new TaskNotFoundException(taskId);
    if (rows[0].department !== code) throw new TaskForbiddenException();
    return rows[0];
  }

  private async setStatus(
    manager: EntityManager,
    taskId: string,
    status: TaskStatus,
    extra: string,
    params: unknown[],
  ) {
    await manager.query(`UPDATE department_task SET status = $2, ${extra}, updated_at = now() WHERE id = $1`, [
      taskId,
      status,
      ...params,
    ]);
  }

  /** The household's first measure under way: `measures.started`, once per household. */
  private async measuresStarted(manager: EntityManager, task: TaskRow, on: string) {
    const first: unknown[] = await manager.query(
      `UPDATE assistance_record SET measures_started_on = $2 WHERE case_id = $1 AND measures_started_on IS NULL RETURNING case_id`,
      [task.case_id, on],
    );
    if (first.length > 0) await emit(manager, 'measures.started', target(task), { startedOn: on, taskId: task.id });
  }
}

const target = (task: TaskRow) => ({ caseId: task.case_id, areaCode: task.area_code });
