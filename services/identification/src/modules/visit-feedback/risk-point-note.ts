import type { EntityManager } from 'typeorm';
import { APPROVAL_FLOW_VERSION } from '@prp/contracts';
import type { CaseRef } from '../approval/ledger/case-lookup';
import { helperActor, type VisitFinding } from './visit-findings';

/** The case's last ledger row: where the chain stands as far as the ledger knows. */
export interface LastDecision {
  resultingStep: string;
  outcome: string | null;
  flowVersion: string | null;
}

export async function lastDecision(manager: EntityManager, caseId: string): Promise<LastDecision | null> {
  const rows: LastDecision[] = await manager.query(
    `SELECT resulting_step AS "resultingStep", outcome, flow_version AS "flowVersion"
     FROM step_decision WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`,
    [caseId],
  );
  return rows[0] ?? null;
}

/**
 * Records a risk point found on a visit against a case already in the chain (or decided) without touching
 * its workflow: a RISK_POINT row of the append-only ledger that repeats the step and outcome the ledger last
 * recorded, so the case's progress and its decisions list show it and nothing moves. No event is published:
 * `case.risk-point-reported` means "a watched household was upgraded", which this is not.
 */
export async function noteRiskPoint(
  manager: EntityManager,
  kase: CaseRef,
  last: LastDecision | null,
  finding: VisitFinding,
  noteId: string,
  riskPoint: string,
): Promise<boolean> {
  const reason = `帮扶走访（${finding.visitedOn}，走访编号${finding.visitId}）发现新风险点：${riskPoint}`;
  const rows: unknown[] = await manager.query(
    `INSERT INTO step_decision (decision_id, case_id, kind, actor, decided_at, reason, flow_version, resulting_step, outcome)
     VALUES ($1, $2, 'RISK_POINT', $3, $4, $5, $6, $7, $8) ON CONFLICT (decision_id) DO NOTHING RETURNING seq`,
    [
      noteId,
      kase.id,
      helperActor(finding.helperId),
      finding.observedAt,
      reason,
      last?.flowVersion ?? APPROVAL_FLOW_VERSION,
      last?.resultingStep ?? stepWithoutLedger(kase.status),
      last?.outcome ?? null,
    ],
  );
  return rows.length > 0;
}

/** A case with nothing in its ledger yet: a submitted case waits for its first contact; others keep their status. */
function stepWithoutLedger(status: string): string {
  return status === 'SUSPECTED' ? 'AWAITING_RESPONSE' : status;
}
