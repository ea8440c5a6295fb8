import type { EntityManager } from 'typeorm';
import { OPEN_CASE_STATUSES } from '../../../database/household-case.entity';
import type { HouseholdRequest } from '../household.dto';
import { maskIdCard, type PiiProtector } from '../pii';
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
  const indexes = members.map((member) => pii.blindIndex(member.idCardNumber));
  await refuseMembersOfOtherOpenCases(manager, caseId, indexes);
  await manager.query(`DELETE FROM household_member WHERE case_id = $1`, [caseId]);
  const values = members.flatMap((m, i) => [
    caseId,
    i,
    indexes[i],
    maskIdCard(m.idCardNumber),
    pii.encrypt(m.idCardNumber.toUpperCase()),
    m.name,
    m.relation,
    m.birthDate,
  ]);
  const rows = members.map((_, i) => `(${Array.from({ length: 8 }, (__, j) => `$${i * 8 + j + 1}`).join(', ')})`);
  await manager.query(
    `INSERT INTO household_member (case_id, position, id_card_index, id_card_masked, id_card_cipher, name, relation, birth_date)
     VALUES ${rows.join(', ')}`,
    values,
  );
}

async function refuseMembersOfOtherOpenCases(manager: EntityManager, caseId: string, indexes: string[]) {
  const current: { id_card_index: string }[] = await manager.query(
    `SELECT id_card_index FROM household_member WHERE case_id = $1`,
    [caseId],
  );
  const known = new Set(current.map((row) => row.id_card_index));
  const added = [...new Set(indexes.filter((index) => !known.has(index)))];
  if (added.length === 0) return;
  for (const index of [...added].sort()) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [index]);
  }
  const found: { id_card_index: string; case_no: string }[] = await manager.query(
    `SELECT m.id_card_index, c.case_no FROM household_member m JOIN household_case c ON c.id = m.case_id
     WHERE m.id_card_index = ANY($1::text[]) AND c.status = ANY($2::text[]) AND c.id <> $3
     ORDER BY c.created_at LIMIT 1`,
    [added, OPEN_CASE_STATUSES, caseId],
  );
  if (found[0]) throw new MemberInOpenCaseException(indexes.indexOf(found[0].id_card_index), found[0].case_no);
}
