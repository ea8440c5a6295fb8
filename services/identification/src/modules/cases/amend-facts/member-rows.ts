import type { EntityManager } from 'typeorm';
import { insertMembers } from '../batch-intake/bulk-sql';
import type { HouseholdRequest } from '../household.dto';
import { lockOpenCasesOf, memberRows, oldestOpenCase } from '../household-members';
import type { PiiProtector } from '../pii';
import { MemberInOpenCaseException } from './amend-facts-errors';

/**
 * Replaces a case's member rows with the new household's (blind index, ciphertext, mask), in the caller's
 * transaction. A member whose ID number is new to the case and already in another open case is refused, after
 * the same per-number locks intake takes, so a concurrent intake of that person cannot slip in between.
 */
export async function replaceMembers(
  manager: EntityManager,
  caseId: string,
  members: HouseholdRequest['members'],
  pii: PiiProtector,
): Promise<void> {
  const ids = pii.protect(members.map((member) => member.idCardNumber));
  await refuseMembersOfOtherOpenCases(manager, caseId, ids.indexes);
  await manager.query(`DELETE FROM household_member WHERE case_id = $1`, [caseId]);
  await insertMembers(manager, memberRows(caseId, members, ids));
}

async function refuseMembersOfOtherOpenCases(manager: EntityManager, caseId: string, indexes: string[]) {
  const current: { id_card_index: string }[] = await manager.query(
    `SELECT id_card_index FROM household_member WHERE case_id = $1`,
    [caseId],
  );
  const known = new Set(current.map((row) => row.id_card_index));
  const added = indexes.filter((index) => !known.has(index));
  if (added.length === 0) return;
  const found = oldestOpenCase(await lockOpenCasesOf(manager, added, caseId));
  if (found) throw new MemberInOpenCaseException(indexes.indexOf(found.id_card_index), found.case_no);
}
