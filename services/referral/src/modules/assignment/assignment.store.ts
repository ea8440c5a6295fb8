import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import type { AssigneeKind, HelperLevel, HelperRole } from '@prp/contracts';
import {
  AssignmentPolicyOverrideSchema,
  resolveAssignmentPolicy,
  type AssignmentPolicy,
  type Colour,
} from './domain/assignment-policy';
import type { AssignmentState, HelperCandidate, HouseholdProfile } from './domain/assignment-rules';

export interface RecordRow extends HouseholdProfile {
  status: 'AWAITING_HELPER' | 'ASSISTED' | 'CLOSED';
  category: string | null;
  memberCount: number | null;
  includedOn: string;
  measuresStartedOn: string | null;
}

interface RawRecord {
  case_id: string;
  area_code: string;
  colour: Colour | null;
  category: string | null;
  registered_poor: boolean | null;
  relocated: boolean | null;
  hukou_area_code: string | null;
  residence_area_code: string | null;
  member_count: number | null;
  status: RecordRow['status'];
  included_on: string;
  measures_started_on: string | null;
}

const RECORD_COLUMNS = `case_id, area_code, colour, category, registered_poor, relocated, hukou_area_code, residence_area_code,
  member_count, status, to_char(included_on, 'YYYY-MM-DD') AS included_on, to_char(measures_started_on, 'YYYY-MM-DD') AS measures_started_on`;

function toRecord(r: RawRecord): RecordRow {
  return {
    caseId: r.case_id,
    areaCode: r.area_code,
    colour: r.colour,
    category: r.category,
    registeredPoor: r.registered_poor,
    relocated: r.relocated,
    hukouAreaCode: r.hukou_area_code,
    residenceAreaCode: r.residence_area_code,
    memberCount: r.member_count,
    status: r.status,
    includedOn: r.included_on,
    measuresStartedOn: r.measures_started_on,
  };
}

export async function findRecord(manager: EntityManager, caseId: string, lock = false): Promise<RecordRow | null> {
  const rows: RawRecord[] = await manager.query(
    `SELECT ${RECORD_COLUMNS} FROM assistance_record WHERE case_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [caseId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findRecords(manager: EntityManager, caseIds: string[]): Promise<Map<string, RecordRow>> {
  const rows: RawRecord[] = await manager.query(
    `SELECT ${RECORD_COLUMNS} FROM assistance_record WHERE case_id = ANY($1::uuid[])`,
    [caseIds],
  );
  return new Map(rows.map((r) => [r.case_id, toRecord(r)]));
}

/** Serializes assignments within one province, so two transactions never hand out the same cadre's last place. */
export async function lockAssignments(manager: EntityManager, areaCode: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `referral.assign:${areaCode.slice(0, 2)}`,
  ]);
}

export async function policyFor(manager: EntityManager, areaCode: string): Promise<AssignmentPolicy> {
  const rows: { area_prefix: string; policy: unknown }[] = await manager.query(
    `SELECT area_prefix, policy FROM assignment_policy WHERE $1 LIKE area_prefix || '%'`,
    [areaCode],
  );
  return resolveAssignmentPolicy(
    areaCode,
    rows.map((r) => ({ areaPrefix: r.area_prefix, values: AssignmentPolicyOverrideSchema.parse(r.policy) })),
  );
}

interface RawCandidate {
  id: string;
  level: HelperLevel;
  area_code: string;
  availability: HelperCandidate['availability'];
  capacity: number;
  active: number;
  exclusive: number;
}

const CANDIDATE_SQL = `SELECT h.id, h.level, h.area_code, h.availability, h.capacity,
    count(a.id)::int AS active, count(a.id) FILTER (WHERE a.exclusive)::int AS exclusive
  FROM helper h LEFT JOIN helper_assignment a ON a.helper_id = h.id AND a.ended_on IS NULL`;

const toCandidate = (r: RawCandidate): HelperCandidate => ({
  helperId: r.id,
  level: r.level,
  areaCode: r.area_code,
  availability: r.availability,
  capacity: r.capacity,
  activeHouseholds: r.active,
  exclusiveHouseholds: r.exclusive,
});

/** Available cadres of the province of `areaCode`, with how many households each helps now. */
export async function availableCandidates(manager: EntityManager, areaCode: string): Promise<HelperCandidate[]> {
  const rows: RawCandidate[] = await manager.query(
    `${CANDIDATE_SQL} WHERE h.availability = 'AVAILABLE' AND h.area_code LIKE $1 GROUP BY h.id`,
    [`${areaCode.slice(0, 2)}%`],
  );
  return rows.map(toCandidate);
}

export async function candidateById(manager: EntityManager, helperId: string): Promise<HelperCandidate | null> {
  const rows: RawCandidate[] = await manager.query(`${CANDIDATE_SQL} WHERE h.id = $1 GROUP BY h.id`, [helperId]);
  return rows[0] ? toCandidate(rows[0]) : null;
}

interface RawAssignment {
  id: string;
  case_id: string;
  assignee_id: string;
  role: HelperRole;
  exclusive: boolean;
  assigned_on: string;
  ended_on: string | null;
}

const toState = (r: RawAssignment): AssignmentState => ({
  assignmentId: r.id,
  caseId: r.case_id,
  helperId: r.assignee_id,
  role: r.role,
  exclusive: r.exclusive,
  assignedOn: r.assigned_on,
  endedOn: r.ended_on,
});

const ASSIGNMENT_COLUMNS = `id, case_id, assignee_id, role, exclusive, to_char(assigned_on, 'YYYY-MM-DD') AS assigned_on,
  to_char(ended_on, 'YYYY-MM-DD') AS ended_on`;

export async function activeAssignmentsOfCases(manager: EntityManager, caseIds: string[]): Promise<AssignmentState[]> {
  const rows: RawAssignment[] = await manager.query(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM helper_assignment WHERE case_id = ANY($1::uuid[]) AND ended_on IS NULL ORDER BY created_at`,
    [caseIds],
  );
  return rows.map(toState);
}

export async function activeAssignmentsOfHelper(manager: EntityManager, helperId: string): Promise<AssignmentState[]> {
  const rows: RawAssignment[] = await manager.query(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM helper_assignment WHERE helper_id = $1 AND ended_on IS NULL ORDER BY created_at FOR UPDATE`,
    [helperId],
  );
  return rows.map(toState);
}

export interface NewAssignment {
  caseId: string;
  assignee: AssigneeKind;
  assigneeId: string;
  role: HelperRole;
  level: HelperLevel;
  exclusive: boolean;
  rule: string;
  assignedOn: string;
}

export async function insertAssignment(manager: EntityManager, a: NewAssignment): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO helper_assignment (id, case_id, helper_id, assignee, assignee_id, role, level, exclusive, rule, assigned_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      a.caseId,
      a.assignee === 'CADRE' ? a.assigneeId : null,
      a.assignee,
      a.assigneeId,
      a.role,
      a.level,
      a.exclusive,
      a.rule,
      a.assignedOn,
    ],
  );
  await manager.query(
    `UPDATE assistance_record SET status = 'ASSISTED' WHERE case_id = $1 AND status = 'AWAITING_HELPER'`,
    [a.caseId],
  );
  return id;
}
