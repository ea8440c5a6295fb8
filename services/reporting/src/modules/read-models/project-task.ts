import type { EntityManager } from 'typeorm';
import type { AssistanceEnvelope } from './assistance-resolution';

const OPEN = `status IN ('OPEN', 'ACKNOWLEDGED')`;

/** Each department's task list: created, acknowledged, last month reported, completed or rejected. */
export async function projectTask(manager: EntityManager, event: AssistanceEnvelope): Promise<void> {
  switch (event.type) {
    case 'task.created': {
      const p = event.payload;
      await manager.query(
        `INSERT INTO department_task (task_id, case_id, area_code, department, measure, status, created_on)
         VALUES ($1, $2, $3, $4, $5, 'OPEN', $6) ON CONFLICT (task_id) DO NOTHING`,
        [p.taskId, event.caseId, event.areaCode, p.department, p.measure, p.createdOn],
      );
      return;
    }
    case 'task.acknowledged':
      await manager.query(
        `UPDATE department_task SET status = 'ACKNOWLEDGED', acknowledged_on = $2 WHERE task_id = $1 AND status = 'OPEN'`,
        [event.payload.taskId, event.payload.acknowledgedOn],
      );
      return;
    case 'task.reported':
      await manager.query(
        `UPDATE department_task SET last_reported_period = greatest(last_reported_period, $2) WHERE task_id = $1`,
        [event.payload.taskId, event.payload.period],
      );
      return;
    case 'task.completed':
      return closeTask(manager, event.payload.taskId, 'COMPLETED', event.payload.completedOn);
    case 'task.rejected':
      return closeTask(manager, event.payload.taskId, 'REJECTED', event.payload.rejectedOn);
    default:
      return;
  }
}

async function closeTask(manager: EntityManager, taskId: string, status: string, on: string) {
  await manager.query(`UPDATE department_task SET status = $2, closed_on = $3 WHERE task_id = $1 AND ${OPEN}`, [
    taskId,
    status,
    on,
  ]);
}
