import type { EntityManager } from 'typeorm';
import { HouseholdCaseEntity } from '../../../database';
import { CaseNotFoundException } from '../case-errors';
import { closedCase, decidedCase, duplicateReviewPending, FactsNotAmendableException } from './amend-facts-errors';
import { IN_CHAIN_STATUSES, PRE_CHAIN_STATUSES } from './rescreen-plan';

/** The case under its row lock for the rest of the transaction. */
export async function lockCase(manager: EntityManager, caseId: string): Promise<HouseholdCaseEntity> {
  const kase = await manager.findOne(HouseholdCaseEntity, {
    where: { id: caseId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!kase) throw new CaseNotFoundException(caseId);
  return kase;
}

/**
 * Facts can change before the chain and in it; a decided case (the ledger or the case's progress has an
 * outcome), a merged one and a suspected duplicate awaiting review cannot (409 with the reason).
 */
export async function assertAmendable(manager: EntityManager, kase: HouseholdCaseEntity): Promise<void> {
  if (kase.status === 'MERGED') throw closedCase(kase.caseNo);
  if (kase.status === 'DUPLICATE_SUSPECTED') throw duplicateReviewPending(kase.caseNo);
  const outcome = await decidedOutcome(manager, kase.id);
  if (outcome) throw decidedCase(kase.caseNo, outcome);
  if (!IN_CHAIN_STATUSES.includes(kase.status) && !PRE_CHAIN_STATUSES.includes(kase.status)) {
    throw new FactsNotAmendableException(
      'CASE.NOT_AMENDABLE',
      `案件${kase.caseNo}当前状态为${kase.status}，不能变更家庭信息`,
    );
  }
}

async function decidedOutcome(manager: EntityManager, caseId: string): Promise<string | null> {
  const rows: { outcome: string | null }[] = await manager.query(
    `SELECT outcome FROM case_progress WHERE case_id = $1 AND outcome IS NOT NULL
     UNION ALL
     SELECT outcome FROM step_decision WHERE case_id = $1 AND outcome IS NOT NULL
     LIMIT 1`,
    [caseId],
  );
  return rows[0]?.outcome ?? null;
}
