import type { EntityManager } from 'typeorm';
import { CaseNotFoundException } from '../../cases/case-errors';

/** What the approval chain reads of a case (the household_case table belongs to the cases module). */
export interface CaseRef {
  id: string;
  caseNo: string;
  areaCode: string;
  status: string;
  channel: string;
  discoveredOn: string;
  colour: string | null;
  category: string | null;
  memberCount: number;
  registeredPoor: boolean | null;
  relocated: boolean | null;
  hukouAreaCode: string | null;
  residenceAreaCode: string | null;
}

export async function findCase(manager: EntityManager, caseId: string): Promise<CaseRef> {
  const rows: CaseRef[] = await manager.query(
    `SELECT id, case_no AS "caseNo", area_code AS "areaCode", status, channel,
            to_char(discovered_on, 'YYYY-MM-DD') AS "discoveredOn", colour, category,
            member_count AS "memberCount",
            (facts->>'registeredPoor')::boolean AS "registeredPoor", (facts->>'relocated')::boolean AS "relocated",
            facts->>'hukouAreaCode' AS "hukouAreaCode", facts->>'residenceAreaCode' AS "residenceAreaCode"
     FROM household_case WHERE id = $1`,
    [caseId],
  );
  if (!rows[0]) throw new CaseNotFoundException(caseId);
  return rows[0];
}

/** Statuses that never get a case workflow: the submission was screened out or is a suspected duplicate. */
export const NO_WORKFLOW_STATUSES = ['SCREENED_OUT', 'DUPLICATE_SUSPECTED'];
