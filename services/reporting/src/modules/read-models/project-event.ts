import type { EntityManager } from 'typeorm';
import { deadlineSubjectKey, EVENT_TYPES, type AnyEnvelope } from '@prp/contracts';
import {
  projectDecided,
  projectResponded,
  projectRiskPoint,
  projectStepRecorded,
  projectSubmitted,
} from './project-stage';
import { lockCase } from './case-lock';
import { closeResolvedItems, projectAssistance } from './project-assistance';

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
    case EVENT_TYPES.helperAssigned:
    case EVENT_TYPES.helperUnavailable:
    case EVENT_TYPES.helperReplaced:
    case EVENT_TYPES.planAgreed:
    case EVENT_TYPES.measuresStarted:
    case EVENT_TYPES.taskCreated:
    case EVENT_TYPES.taskAcknowledged:
    case EVENT_TYPES.taskReported:
    case EVENT_TYPES.taskCompleted:
    case EVENT_TYPES.taskRejected:
    case EVENT_TYPES.visitRecorded:
      return projectAssistance(manager, event);
  }
}

/**
 * An overdue event that arrives after its step (or its assistance fact) was recorded is stored already resolved.
 */
async function projectOverdue(manager: EntityManager, event: Extract<AnyEnvelope, { type: 'deadline.overdue' }>) {
  const p = event.payload;
  const s = p.subject;
  await lockCase(manager, event.caseId);
  await manager.query(
    `INSERT INTO overdue_item (case_id, kind, due_date, due_at, area_code, responsible_level, escalated_to, workflow_id,
       subject_key, task_id, department, helper_id, role, period, resolved_at, resolved_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $13, r.resolved_at, r.decision_id
     FROM (SELECT 1) one LEFT JOIN clock_resolution r ON r.case_id = $1 AND r.kind = $2
     ON CONFLICT (case_id, kind, due_date, subject_key) DO NOTHING`,
    [
      event.caseId, p.kind, p.dueDate, p.dueAt, event.areaCode, p.responsibleLevel, p.escalatedTo, p.workflowId,
      deadlineSubjectKey(s), s?.taskId ?? null, s?.department ?? null, s?.helperId ?? null, s?.period ?? null,
      s?.role ?? null,
    ],
  );
  await closeResolvedItems(manager, event.caseId);
}
