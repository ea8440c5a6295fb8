import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { APPROVAL_FLOW_VERSION, createEnvelope, EVENT_TYPES } from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';
import { timeOrderedId } from '@prp/persistence';
import { HouseholdCaseEntity, type CaseStatus } from '../../../database/household-case.entity';
import { summarizeScreening, type ScreeningResult, type ScreeningSummary } from '../../screening/domain';
import { maskName } from '../mask';
import type { PiiProtector } from '../pii';
import { insertMembers } from '../batch-intake/bulk-sql';
import { householdHead, lockOpenCasesOf, maskHousehold, memberRows, oldestOpenCase } from '../household-members';
import type { SubmitCaseRequest } from './submit-case.dto';

export interface NewCase {
  request: SubmitCaseRequest;
  idempotencyKey: string;
  requestHash: string;
  identificationMonth: string;
  screening: ScreeningResult;
  responseDueDate: string | null;
}

export const STATUS_BY_DISPOSITION: Record<ScreeningResult['disposition'], CaseStatus> = {
  CASE: 'SUSPECTED',
  BLUE_WATCH: 'BLUE_WATCH',
  SCREENED_OUT: 'SCREENED_OUT',
};

/** Writes one submission (case, members, and for a new suspected case its `case.submitted`) in the caller's transaction. */
export class CaseWriter {
  constructor(private readonly pii: PiiProtector) {}

  async write(manager: EntityManager, input: NewCase): Promise<HouseholdCaseEntity> {
    const members = input.request.household.members;
    const ids = this.pii.protect(members.map((member) => member.idCardNumber));
    const duplicateOf = oldestOpenCase(await lockOpenCasesOf(manager, ids.indexes))?.case_id ?? null;
    const entity = await this.insertCase(manager, input, duplicateOf);
    await insertMembers(manager, memberRows(entity.id, members, ids));
    if (entity.status === 'SUSPECTED') await addToOutbox(manager, submittedEvent(entity, input.screening));
    return entity;
  }

  private async insertCase(manager: EntityManager, input: NewCase, duplicateOf: string | null) {
    const { request, screening } = input;
    const [{ seq }] = await manager.query(`SELECT nextval('case_no_seq')::text AS seq`);
    const head = householdHead(request.household.members);
    const entity = manager.create(HouseholdCaseEntity, {
      id: timeOrderedId(),
      caseNo: caseNumber(request.discoveredOn, seq),
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      areaCode: request.villageCode,
      channel: request.channel,
      discoveredOn: request.discoveredOn,
      discoveredBy: request.discoveredBy,
      headName: head.name,
      memberCount: request.household.members.length,
      status: duplicateOf ? 'DUPLICATE_SUSPECTED' : STATUS_BY_DISPOSITION[screening.disposition],
      responseDueDate: duplicateOf ? null : input.responseDueDate,
      respondedAt: null,
      identificationMonth: input.identificationMonth,
      category: screening.category ?? null,
      colour: screening.colour ?? null,
      policyVersion: screening.policyVersion,
      // Only the verdict: the per-rule detail is re-derived on read (ScreeningExplainer).
      screening: summarizeScreening(screening),
      facts: maskHousehold(request.household),
      duplicateOf,
    });
    await manager.insert(HouseholdCaseEntity, entity);
    return entity;
  }
}

/** 监测案件编号: JC, the year of discovery, then the case number sequence's value in eight digits. */
export function caseNumber(discoveredOn: string, seq: string): string {
  return `JC${discoveredOn.slice(0, 4)}${seq.padStart(8, '0')}`;
}

/** The verdict fields the event carries (a full result, or the summary a row stores). */
type SubmittedVerdict = Pick<ScreeningSummary, 'category' | 'colour' | 'policyVersion'>;

type SubmittedCase = Pick<
  HouseholdCaseEntity,
  'id' | 'areaCode' | 'caseNo' | 'channel' | 'discoveredOn' | 'discoveredBy' | 'memberCount' | 'headName'
>;

export function submittedEvent(entity: SubmittedCase, screening: SubmittedVerdict) {
  return createEnvelope({
    type: EVENT_TYPES.caseSubmitted,
    eventId: randomUUID(),
    caseId: entity.id,
    areaCode: entity.areaCode,
    producer: 'identification',
    payload: {
      caseNo: entity.caseNo,
      channel: entity.channel as 'OTHER',
      discoveredOn: entity.discoveredOn,
      discoveredBy: entity.discoveredBy,
      memberCount: entity.memberCount,
      householdHeadMasked: maskName(entity.headName),
      category: screening.category,
      colour: screening.colour,
      policyVersion: screening.policyVersion,
      flowVersion: APPROVAL_FLOW_VERSION,
    },
  });
}
