import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { toShanghaiDate } from '@prp/calendar';
import { APPROVAL_FLOW_VERSION, type CaseWorkflowState, type StepDecision } from '@prp/contracts';
import { notificationText } from '../notifications/notification-text';
import type { CaseRef } from './case-lookup';

/** The writes of one accepted step, inside the ledger's transaction. */
export async function insertStep(
  manager: EntityManager,
  caseId: string,
  d: StepDecision,
  state: CaseWorkflowState,
  outcome: string | undefined,
  batch?: string,
  apiKeyId?: string,
): Promise<string | null> {
  const rows: { seq: string }[] = await manager.query(
    `INSERT INTO step_decision (decision_id, case_id, kind, step, result, department, actor, decided_at, reason,
       attachments, batch, flow_version, resulting_step, outcome, api_key_id)
     VALUES ($1, $2, 'STEP', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (decision_id) DO NOTHING RETURNING seq::text AS seq`,
    [
      d.decisionId,
      caseId,
      d.step,
      d.result,
      d.department ?? null,
      d.actor,
      d.decidedAt,
      d.reason ?? null,
      JSON.stringify(d.attachments),
      batch ?? null,
      state.flowVersion ?? APPROVAL_FLOW_VERSION,
      state.step,
      outcome ?? null,
      apiKeyId ?? null,
    ],
  );
  return rows[0]?.seq ?? null;
}

/** Mirrors the workflow's step; true when this decision is the one that ended the chain. */
export async function upsertProgress(
  manager: EntityManager,
  kase: CaseRef,
  state: CaseWorkflowState,
  outcome: string | undefined,
  seq: string,
): Promise<boolean> {
  const before: { outcome: string | null }[] = await manager.query(
    `SELECT outcome FROM case_progress WHERE case_id = $1 FOR UPDATE`,
    [kase.id],
  );
  await manager.query(
    `INSERT INTO case_progress (case_id, area_code, current_step, outcome, flow_version, last_decision_seq)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id) DO UPDATE SET current_step = EXCLUDED.current_step,
       outcome = COALESCE(case_progress.outcome, EXCLUDED.outcome), flow_version = EXCLUDED.flow_version,
       last_decision_seq = EXCLUDED.last_decision_seq, updated_at = now()
     WHERE case_progress.last_decision_seq < EXCLUDED.last_decision_seq`,
    [kase.id, kase.areaCode, state.step, outcome ?? null, state.flowVersion ?? APPROVAL_FLOW_VERSION, seq],
  );
  return !before[0]?.outcome && Boolean(outcome);
}

export async function insertNotification(
  manager: EntityManager,
  kase: CaseRef,
  d: StepDecision,
  outcome: 'INCLUDED' | 'REJECTED',
) {
  const text = notificationText({
    caseNo: kase.caseNo,
    outcome,
    step: d.step,
    decidedOn: toShanghaiDate(d.decidedAt),
    reason: d.reason,
  });
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO household_notification (id, case_id, outcome, text) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id) DO NOTHING RETURNING id`,
    [randomUUID(), kase.id, outcome, text],
  );
  return rows[0]?.id ?? null;
}
