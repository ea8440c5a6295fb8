import type { EntityManager } from 'typeorm';
import { deadlineSubjectKey, EVENT_TYPES, type AnyEnvelope } from '@prp/contracts';
import {
  projectDecided,
  projectResponded,
  projectRiskPoint,
  projectStepRecorded,
  projectSubmitted,
} from './project-stage';

/** Folds one event into the read models (runs in the idempotent consumer's transaction). */
export async function projectEvent(manager: EntityManager, event: AnyEnvelope): Promise<void> {
  switch (event.type) {
    case EVENT_TYPES.caseSubmitted:
      await manager.query(
        `INSERT INTO case_summary (case_id, case_no, area_code, channel, discovered_on, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO NOTHING`,
        [
          event.caseId,
          event.payload.caseNo,
          event.areaCode,
          event.payload.channel,
          event.payload.discoveredOn,
          event.occurredAt,
        ],
      );
      return projectSubmitted(manager, event);
    case EVENT_TYPES.deadlineOverdue:
      return projectOverdue(manager, event);
    case EVENT_TYPES.caseStepRecorded:
      return projectStepRecorded(manager, event);
    case EVENT_TYPES.caseDecided:
      return projectDecided(manager, event);
    case EVENT_TYPES.caseResponded:
      return projectResponded(manager, event);
    case EVENT_TYPES.caseRiskPointReported:
      return projectRiskPoint(manager, event);
  }
}

/** An overdue event that arrives after its step was recorded is stored already resolved. */
async function projectOverdue(manager: EntityManager, event: Extract<AnyEnvelope, { type: 'deadline.overdue' }>) {
  const p = event.payload;
  const s = p.subject;
  await manager.query(
    `INSERT INTO overdue_item (case_id, kind, due_date, due_at, area_code, responsible_level, escalated_to, workflow_id,
       subject_key, task_id, department, helper_id, period, resolved_at, resolved_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, r.resolved_at, r.decision_id
     FROM (SELECT 1) one LEFT JOIN clock_resolution r ON r.case_id = $1 AND r.kind = $2
     ON CONFLICT (case_id, kind, due_date, subject_key) DO NOTHING`,
    [
      event.caseId, p.kind, p.dueDate, p.dueAt, event.areaCode, p.responsibleLevel, p.escalatedTo, p.workflowId,
      deadlineSubjectKey(s), s?.taskId ?? null, s?.department ?? null, s?.helperId ?? null, s?.period ?? null,
    ],
  );
}
