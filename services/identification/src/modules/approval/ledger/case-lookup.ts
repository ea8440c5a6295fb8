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
}

export async function findCase(manager: EntityManager, caseId: string): Promise<CaseRef> {
  const rows: CaseRef[] = await manager.query(
    `SELECT id, case_no AS "caseNo", area_code AS "areaCode", status, channel,
            to_char(discovered_on, 'YYYY-MM-DD') AS "discoveredOn", colour
     FROM household_case WHERE id = $1`,
    [caseId],
  );
  if (!rows[0]) throw new CaseNotFoundException(caseId);
  return rows[0];
}

/** Statuses that never get a case workflow: the submission was screened out or is a suspected duplicate. */
export const NO_WORKFLOW_STATUSES = ['SCREENED_OUT', 'DUPLICATE_SUSPECTED'];
