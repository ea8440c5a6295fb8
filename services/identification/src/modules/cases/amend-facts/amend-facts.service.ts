import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from '../../../config/identification.config';
import { HouseholdCaseEntity } from '../../../database';
import { CaseNotFoundException } from '../case-errors';
import { PiiProtector } from '../pii';
import type { AmendFactsRequest, RescreenResponse } from './amend-facts.dto';
import { FactsIdempotencyConflictException } from './amend-facts-errors';
import { assertAmendable, lockCase } from './amendable-case';
import { CaseRescreener } from './case-rescreener';
import { findChangeByKey, listRevisions, type StoredChange } from './facts-revisions';
import { householdHead, maskHousehold } from '../household-members';
import { replaceMembers } from './member-rows';
import { isUniqueViolation } from '@prp/persistence';

/**
 * A clerk replaces a case's household facts (PUT /cases/{id}/facts): the members, the masked facts and the
 * screening change together with a revision that keeps the old ones, in one transaction. A retried key answers
 * the first result.
 */
@Injectable()
export class AmendFactsService {
  private readonly pii: PiiProtector;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTIFICATION_CONFIG) config: IdentificationConfig,
    private readonly rescreener: CaseRescreener,
  ) {
    this.pii = new PiiProtector(config.PII_SECRET);
  }

  async amend(caseId: string, request: AmendFactsRequest, apiKeyId?: string): Promise<RescreenResponse> {
    const { idempotencyKey, ...change } = request;
    const requestHash = createHash('sha256').update(JSON.stringify({ caseId, change })).digest('hex');
    const stored = await findChangeByKey(this.dataSource.manager, idempotencyKey);
    if (stored) return replay(stored, caseId, requestHash);
    try {
      return await this.dataSource.transaction((manager) =>
        this.change(manager, caseId, request, requestHash, apiKeyId ?? null),
      );
    } catch (error) {
      const raced = isUniqueViolation(error) ? await findChangeByKey(this.dataSource.manager, idempotencyKey) : null;
      if (raced) return replay(raced, caseId, requestHash);
      throw error;
    }
  }

  async revisions(caseId: string) {
    const found = await this.dataSource.getRepository(HouseholdCaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw new CaseNotFoundException(caseId);
    return { caseId, caseNo: found.caseNo, items: await listRevisions(this.dataSource.manager, caseId) };
  }

  private async change(
    manager: EntityManager,
    caseId: string,
    request: AmendFactsRequest,
    requestHash: string,
    apiKeyId: string | null,
  ): Promise<RescreenResponse> {
    const kase = await lockCase(manager, caseId);
    await assertAmendable(manager, kase);
    await replaceMembers(manager, kase.id, request.household.members, this.pii);
    return this.rescreener.apply(manager, {
      kase,
      household: request.household,
      maskedFacts: maskHousehold(request.household),
      identificationMonth: request.identificationMonth ?? kase.identificationMonth ?? kase.discoveredOn.slice(0, 7),
      trigger: 'FACTS_CHANGED',
      reason: request.reason,
      changedBy: request.changedBy,
      apiKeyId,
      idempotencyKey: request.idempotencyKey,
      requestHash,
      members: { headName: householdHead(request.household.members).name, count: request.household.members.length },
    });
  }
}

function replay(stored: StoredChange, caseId: string, requestHash: string): RescreenResponse {
  if (stored.caseId !== caseId || stored.requestHash !== requestHash) throw new FactsIdempotencyConflictException();
  return { ...stored.response, replayed: true };
}
