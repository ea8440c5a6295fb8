import { randomUUID } from 'crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { departmentOf, departmentTaskTopic } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import { findRecord } from '../assignment/assignment.store';
import { todayInShanghai } from '../shared/dates';
import { emit, emitToDepartment } from '../shared/outbox';
import { PlanConflictException, RecordClosedException, RecordNotFoundException } from '../shared/referral-errors';
import { agreedOnRefusal, PlanDateException } from './plan-dates';
import type { AgreePlan } from './plans.dto';

/** The assistance plan agreed with the household; each measure becomes a task of its department. */
@Injectable()
export class PlansService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async agree(caseId: string, body: AgreePlan) {
    const planId = body.planId ?? randomUUID();
    const created = await this.dataSource.transaction(async (manager) => {
      const record = await findRecord(manager, caseId, true);
      if (!record) throw new RecordNotFoundException(caseId);
      if (record.status === 'CLOSED') throw new RecordClosedException(caseId);
      const existing: { case_id: string }[] = await manager.query(`SELECT case_id FROM assistance_plan WHERE id = $1`, [
        planId,
      ]);
      if (existing[0]) {
        if (existing[0].case_id !== caseId) throw new PlanConflictException(planId);
        return false;
      }
      const refusal = agreedOnRefusal(body.agreedOn, todayInShanghai(), record.includedOn);
      if (refusal) throw new PlanDateException(refusal);
      const helpers: unknown[] = await manager.query(
        `SELECT 1 FROM helper_assignment WHERE case_id = $1 AND ended_on IS NULL`,
        [caseId],
      );
      if (helpers.length === 0) {
        throw new ConflictException({
          code: 'REFERRAL.NO_HELPER',
          message: '该户尚未落实帮扶责任人，不能确认帮扶计划',
        });
      }
      await manager.query(
        `INSERT INTO assistance_plan (id, case_id, agreed_on, recorded_by, household_consent, needs) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [planId, caseId, body.agreedOn, body.recordedBy, body.householdConsent, JSON.stringify(body.needs)],
      );
      const tasks = body.needs.map((n) => ({
        taskId: randomUUID(),
        need: n.need,
        measure: n.measure,
        department: departmentOf(n.measure),
      }));
      for (const t of tasks) {
        await manager.query(
          `INSERT INTO department_task (id, plan_id, case_id, area_code, measure, department, need, status, created_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'CREATED', $8)`,
          [t.taskId, planId, caseId, record.areaCode, t.measure, t.department, t.need, body.agreedOn],
        );
      }
      await emit(manager, 'plan.agreed', record, {
        planId,
        agreedOn: body.agreedOn,
        measures: tasks.map((t) => ({ measureId: t.taskId, measure: t.measure, department: t.department })),
      });
      const household = {
        ...(record.colour ? { colour: record.colour } : {}),
        ...(record.category ? { category: record.category as 'UNSTABLE' } : {}),
        ...(record.registeredPoor !== null && record.registeredPoor !== undefined
          ? { registeredPoor: record.registeredPoor }
          : {}),
        ...(record.relocated !== null && record.relocated !== undefined ? { relocated: record.relocated } : {}),
        ...(record.memberCount ? { memberCount: record.memberCount } : {}),
      };
      for (const t of tasks) {
        const payload = {
          taskId: t.taskId,
          department: t.department,
          measure: t.measure,
          createdOn: body.agreedOn,
          planId,
        };
        await emit(manager, 'task.created', record, payload);
        await emitToDepartment(manager, departmentTaskTopic(t.department), record, {
          ...payload,
          caseId: record.caseId,
          areaCode: record.areaCode,
          household,
        });
      }
      return true;
    });
    const tasks = await this.dataSource.query(
      `SELECT id AS "taskId", measure, department, need, status FROM department_task WHERE plan_id = $1 ORDER BY created_at, id`,
      [planId],
    );
    return { planId, caseId, created, tasks };
  }
}
