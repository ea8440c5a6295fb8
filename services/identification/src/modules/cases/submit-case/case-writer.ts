import { randomUUID } from 'crypto';
import type { EntityManager } from 'typeorm';
import { APPROVAL_FLOW_VERSION, createEnvelope, EVENT_TYPES } from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';
import { HouseholdCaseEntity, OPEN_CASE_STATUSES, type CaseStatus } from '../../../database/household-case.entity';
import { summarizeScreening, type ScreeningResult, type ScreeningSummary } from '../../screening/domain';
import { maskName } from '../mask';
import { maskIdCard, type PiiProtector } from '../pii';
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
    const indexes = input.request.household.members.map((member) => this.pii.blindIndex(member.idCardNumber));
    const duplicateOf = await this.findOpenCase(manager, indexes);
    const entity = await this.insertCase(manager, input, duplicateOf);
    await this.insertMembers(manager, entity.id, input.request, indexes);
    if (entity.status === 'SUSPECTED') await addToOutbox(manager, submittedEvent(entity, input.screening));
    return entity;
  }

  /** Serializes submissions that share a member, then looks for an open case holding any of them. */
  private async findOpenCase(manager: EntityManager, indexes: string[]): Promise<string | null> {
    for (const index of [...indexes].sort()) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [index]);
    }
    const rows: { case_id: string }[] = await manager.query(
      `SELECT m.case_id FROM household_member m JOIN household_case c ON c.id = m.case_id
       WHERE m.id_card_index = ANY($1::text[]) AND c.status = ANY($2::text[]) ORDER BY c.created_at LIMIT 1`,
      [indexes, OPEN_CASE_STATUSES],
    );
    return rows[0]?.case_id ?? null;
  }

  private async insertCase(manager: EntityManager, input: NewCase, duplicateOf: string | null) {
    const { request, screening } = input;
    const [{ seq }] = await manager.query(`SELECT nextval('case_no_seq')::text AS seq`);
    const head = request.household.members.find((member) => member.relation === 'HEAD') ?? request.household.members[0];
    const entity = manager.create(HouseholdCaseEntity, {
      id: randomUUID(),
      caseNo: `JC${request.discoveredOn.slice(0, 4)}${String(seq).padStart(8, '0')}`,
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
      facts: maskedFacts(request),
      duplicateOf,
    });
    await manager.insert(HouseholdCaseEntity, entity);
    return entity;
  }

  private async insertMembers(manager: EntityManager, caseId: string, request: SubmitCaseRequest, indexes: string[]) {
    const members = request.household.members;
    const values = members.flatMap((m, i) => [
      caseId,
      i,
      indexes[i],
      maskIdCard(m.idCardNumber),
      this.pii.encrypt(m.idCardNumber.toUpperCase()),
      m.name,
      m.relation,
      m.birthDate,
    ]);
    const rows = members.map((_, i) => `(${Array.from({ length: 8 }, (__, j) => `$${i * 8 + j + 1}`).join(', ')})`);
    await manager.query(
      `INSERT INTO household_member (case_id, position, id_card_index, id_card_masked, id_card_cipher, name, relation, birth_date) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

export function maskedFacts(request: SubmitCaseRequest) {
  const members = request.household.members.map((member) => ({
    ...member,
    name: maskName(member.name),
    idCardNumber: maskIdCard(member.idCardNumber),
  }));
  return { ...request.household, members };
}

/** The verdict fields the event carries (a full result, or the summary a row stores). */
type SubmittedVerdict = Pick<ScreeningSummary, 'category' | 'colour' | 'policyVersion'>;

export function submittedEvent(entity: HouseholdCaseEntity, screening: SubmittedVerdict) {
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
