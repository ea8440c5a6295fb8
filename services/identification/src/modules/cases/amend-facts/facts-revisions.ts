import type { EntityManager } from 'typeorm';
import type { RescreenResponse } from './amend-facts.dto';

export type RevisionTrigger = 'FACTS_CHANGED' | 'RISK_POINT';

/** One row of the append-only case_facts_revision table. */
export interface NewRevision {
  caseId: string;
  revisionNo: number;
  trigger: RevisionTrigger;
  idempotencyKey: string;
  requestHash: string;
  previousFacts: object | null;
  previousScreening: object | null;
  previousStatus: string;
  facts: object;
  screening: object;
  status: string;
  identificationMonth: string;
  reason: string;
  changedBy: string;
  apiKeyId: string | null;
  response: RescreenResponse;
  changedAt: string;
}

/** The next revision number of a case; the caller holds the case row's lock. */
export async function nextRevisionNo(manager: EntityManager, caseId: string): Promise<number> {
  const [row]: { next: number }[] = await manager.query(
    `SELECT COALESCE(max(revision_no), 0) + 1 AS next FROM case_facts_revision WHERE case_id = $1`,
    [caseId],
  );
  return Number(row.next);
}

export async function insertRevision(manager: EntityManager, r: NewRevision): Promise<void> {
  await manager.query(
    `INSERT INTO case_facts_revision (case_id, revision_no, trigger, idempotency_key, request_hash, previous_facts,
       previous_screening, previous_status, facts, screening, status, identification_month, reason, changed_by,
       api_key_id, response, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      r.caseId,
      r.revisionNo,
      r.trigger,
      r.idempotencyKey,
      r.requestHash,
      r.previousFacts === null ? null : JSON.stringify(r.previousFacts),
      r.previousScreening === null ? null : JSON.stringify(r.previousScreening),
      r.previousStatus,
      JSON.stringify(r.facts),
      JSON.stringify(r.screening),
      r.status,
      r.identificationMonth,
      r.reason,
      r.changedBy,
      r.apiKeyId,
      JSON.stringify(r.response),
      r.changedAt,
    ],
  );
}

export interface StoredChange {
  caseId: string;
  requestHash: string;
  response: RescreenResponse;
}

export async function findChangeByKey(manager: EntityManager, idempotencyKey: string): Promise<StoredChange | null> {
  const rows: StoredChange[] = await manager.query(
    `SELECT case_id AS "caseId", request_hash AS "requestHash", response FROM case_facts_revision
     WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  return rows[0] ?? null;
}

/** A case's revisions, oldest first, as the facts history of GET /cases/{id}/facts/revisions shows them. */
export async function listRevisions(manager: EntityManager, caseId: string) {
  return manager.query(
    `SELECT revision_no AS "revisionNo", trigger, previous_status AS "previousStatus", status,
       previous_facts AS "previousFacts", facts, previous_screening AS "previousScreening", screening,
       identification_month AS "identificationMonth", reason, changed_by AS "changedBy", api_key_id AS "apiKeyId",
       changed_at AS "changedAt"
     FROM case_facts_revision WHERE case_id = $1 ORDER BY revision_no`,
    [caseId],
  );
}
