import type { EntityManager } from 'typeorm';
import { OPEN_CASE_STATUSES } from '../../database/household-case.entity';
import type { MemberRow } from './batch-intake/bulk-sql';
import type { HouseholdRequest } from './household.dto';
import { maskName } from './mask';
import { maskIdCard, type ProtectedNumbers } from './pii';

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

/** A case's member rows: blind index and AES-GCM ciphertext (both given, see `PiiProtector.protect`) and mask of each ID number. */
export function memberRows(caseId: string, members: Member[], ids: ProtectedNumbers): MemberRow[] {
  return members.map((m, position) => ({
    case_id: caseId,
    position,
    id_card_index: ids.indexes[position],
    id_card_masked: maskIdCard(m.idCardNumber),
    id_card_cipher: ids.ciphers[position],
    name: m.name,
    relation: m.relation,
    birth_date: m.birthDate,
  }));
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
 * Locks these people (by blind index) until the caller's transaction ends, then finds, for each of them in an
 * open case other than `exceptCaseId`, the oldest such case: one call (migration 490), whose lookup sees every
 * case committed by a writer it waited for.
 *
 * The locks serialize every write that involves one of these people: the function takes them in one order
 * everywhere (of their lock keys), so two writers never wait on each other in a cycle, and two writers with no
 * person in common never wait at all (township imports run side by side). The lookup probes the ID-number
 * (hash) index once per person, whatever the table's statistics say (migrations 470, 540).
 *
 * A chunk of 1,000 households holds about 3,000 of these locks until it commits. PostgreSQL's shared lock table
 * holds max_locks_per_transaction x max_connections locks (6,400 with the defaults: two or three concurrent
 * imports), so the platform's database runs with max_locks_per_transaction = 256 (deploy/local, deploy/k8s).
 * Bucketing the people into at most 1,024 locks was tried: any two chunks then share a bucket, every import
 * waits for every other, and a two-import campaign fell from ~3,300 to ~2,700 households/s.
 */
export async function lockOpenCasesOf(
  manager: EntityManager,
  indexes: string[],
  exceptCaseId?: string,
): Promise<OpenCaseOfMember[]> {
  if (indexes.length === 0) return [];
  return manager.query(
    `SELECT id_card_index, case_id, case_no, created_at FROM lock_open_cases_of($1::text[], $2::text[], $3::uuid)`,
    [hexArray(indexes), OPEN_CASE_STATUSES, exceptCaseId ?? null],
  );
}

/**
 * A text[] literal of blind indexes (hex: nothing to quote), made with one join: the driver's general array
 * encoder walks and escapes each of a chunk's ~3,000 elements in JavaScript.
 */
function hexArray(indexes: string[]): string {
  const literal = `{${indexes.join(',')}}`;
  if (!/^\{[0-9a-f,]*\}$/.test(literal)) throw new Error('blind indexes must be lowercase hex');
  return literal;
}
