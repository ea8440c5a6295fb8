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

/** Advisory-lock class of the person locks (the two-key form keeps them apart from other advisory locks). */
const PERSON_LOCK_CLASS = 11643;
/**
 * People are locked by bucket of their blind index, not one by one: a chunk of 1,000 households names some
 * 3,000 people, and 3,000 locks per transaction, times a few concurrent imports, would overflow PostgreSQL's
 * shared lock table (max_locks_per_transaction x max_connections: 6,400 with the defaults) and fail the
 * import with "out of shared memory". Two writers that share a bucket wait for each other a moment.
 */
export const PERSON_LOCK_BUCKETS = 1024;

/**
 * Serializes, until the caller's transaction ends, every write that involves one of these people (by blind
 * index): at most PERSON_LOCK_BUCKETS locks, taken in one sorted order everywhere, so two writers never wait
 * on each other in a cycle.
 */
export async function lockMembers(manager: EntityManager, indexes: string[]): Promise<void> {
  if (indexes.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock($2::int, bucket)
     FROM (SELECT DISTINCT (hashtextextended(x, 0) & ($3::bigint - 1))::int AS bucket FROM unnest($1::text[]) AS x ORDER BY bucket) AS sorted`,
    [indexes, PERSON_LOCK_CLASS, PERSON_LOCK_BUCKETS],
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

/**
 * For each of these people in an open case (other than `exceptCaseId`), the oldest such case: one index probe
 * per person, whatever the table's statistics say (see migration 470).
 */
export async function openCasesOf(
  manager: EntityManager,
  indexes: string[],
  exceptCaseId?: string,
): Promise<OpenCaseOfMember[]> {
  if (indexes.length === 0) return [];
  return manager.query(
    `SELECT id_card_index, case_id, case_no, created_at FROM open_cases_of($1::text[], $2::text[], $3::uuid)`,
    [indexes, OPEN_CASE_STATUSES, exceptCaseId ?? null],
  );
}
