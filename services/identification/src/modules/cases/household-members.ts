import type { EntityManager } from 'typeorm';
import { OPEN_CASE_STATUSES } from '../../database/household-case.entity';
import type { MemberRow } from './batch-intake/bulk-sql';
import type { HouseholdRequest } from './household.dto';
import { maskName } from './mask';
import { maskIdCard, type PiiProtector } from './pii';

type Member = HouseholdRequest['members'][number];

/** The household as a case and its revisions store it: names and ID numbers masked. */
export function maskHousehold(household: HouseholdRequest) {
  const members = household.members.map((member) => ({
    ...member,
    name: maskName(member.name),
    idCardNumber: maskIdCard(member.idCardNumber),
  }));
  return { ...household, members };
}

export function householdHead(members: Member[]): Member {
  return members.find((member) => member.relation === 'HEAD') ?? members[0];
}

/** A case's member rows: blind index (given), mask and AES-GCM ciphertext of each ID number. */
export function memberRows(caseId: string, members: Member[], indexes: string[], pii: PiiProtector): MemberRow[] {
  return members.map((m, position) => ({
    case_id: caseId,
    position,
    id_card_index: indexes[position],
    id_card_masked: maskIdCard(m.idCardNumber),
    id_card_cipher: pii.encrypt(m.idCardNumber.toUpperCase()),
    name: m.name,
    relation: m.relation,
    birth_date: m.birthDate,
  }));
}

/**
 * Serializes, until the caller's transaction ends, every write that involves one of these people (by blind
 * index): locks taken in one sorted order everywhere, so two writers never wait on each other in a cycle.
 */
export async function lockMembers(manager: EntityManager, indexes: string[]): Promise<void> {
  if (indexes.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(x, 0))
     FROM (SELECT DISTINCT x FROM unnest($1::text[]) AS x ORDER BY x) AS sorted`,
    [indexes],
  );
}

export interface OpenCaseOfMember {
  id_card_index: string;
  case_id: string;
  case_no: string;
  created_at: Date;
}

/** The oldest of several open cases. */
export function oldestOpenCase(found: OpenCaseOfMember[]): OpenCaseOfMember | undefined {
  return [...found].sort((a, b) => a.created_at.getTime() - b.created_at.getTime())[0];
}

/** For each of these people in an open case (other than `exceptCaseId`), the oldest such case. */
export async function openCasesOf(
  manager: EntityManager,
  indexes: string[],
  exceptCaseId?: string,
): Promise<OpenCaseOfMember[]> {
  return manager.query(
    `SELECT DISTINCT ON (m.id_card_index) m.id_card_index, m.case_id, c.case_no, c.created_at FROM household_member m
     JOIN household_case c ON c.id = m.case_id
     WHERE m.id_card_index = ANY($1::text[]) AND c.status = ANY($2::text[]) AND c.id IS DISTINCT FROM $3
     ORDER BY m.id_card_index, c.created_at`,
    [indexes, OPEN_CASE_STATUSES, exceptCaseId ?? null],
  );
}
