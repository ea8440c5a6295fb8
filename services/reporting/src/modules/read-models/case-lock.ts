import type { EntityManager } from 'typeorm';

/**
 * Serialises the transactions that store an overdue item and those that store the fact closing it, for one
 * case: the deadline and assistance (or case) topics may be consumed by different replicas at once, and
 * without the lock each could miss the other's uncommitted row and leave a settled item open. Held until commit.
 */
export async function lockCase(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reporting-case:' || $1))`, [caseId]);
}
