/** One row of the append-only decision ledger (step_decision). */
export interface LedgerRow {
  seq: string;
  decisionId: string;
  caseId: string;
  kind: 'STEP' | 'RISK_POINT';
  step: string | null;
  result: string | null;
  department: string | null;
  actor: string;
  /** The API key that sent the request this row was written for; null when the workflow or a consumer wrote it. */
  apiKeyId: string | null;
  decidedAt: string;
  reason: string | null;
  attachments: unknown[];
  batch: string | null;
  flowVersion: string | null;
  resultingStep: string;
  outcome: string | null;
  recordedAt: string;
}

export const LEDGER_COLUMNS = `seq::text AS seq, decision_id AS "decisionId", case_id AS "caseId", kind, step, result,
  department, actor, api_key_id AS "apiKeyId", to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"') AS "decidedAt",
  reason, attachments, batch, flow_version AS "flowVersion", resulting_step AS "resultingStep", outcome,
  recorded_at AS "recordedAt"`;
