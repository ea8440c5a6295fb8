import type { EntityManager } from 'typeorm';
import { EVENT_TYPES, type AnyEnvelope } from '@prp/contracts';

/** Folds one event into the read models (runs in the idempotent consumer's transaction). */
export async function projectEvent(manager: EntityManager, event: AnyEnvelope): Promise<void> {
  if (event.type === EVENT_TYPES.caseSubmitted) {
    await manager.query(
      `INSERT INTO case_summary (case_id, case_no, area_code, channel, discovered_on, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO NOTHING`,
      [event.caseId, event.payload.caseNo, event.areaCode, event.payload.channel, event.payload.discoveredOn, event.occurredAt],
    );
  } else if (event.type === EVENT_TYPES.deadlineOverdue) {
    const p = event.payload;
    await manager.query(
      `INSERT INTO overdue_item (case_id, kind, due_date, due_at, area_code, responsible_level, escalated_to, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id, kind, due_date) DO NOTHING`,
      [event.caseId, p.kind, p.dueDate, p.dueAt, event.areaCode, p.responsibleLevel, p.escalatedTo, p.workflowId],
    );
  }
}
