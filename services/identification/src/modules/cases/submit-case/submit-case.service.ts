import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { toShanghaiDate } from '@prp/calendar';
import { DATA_SOURCE, RequestValidationException } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from '../../../config/identification.config';
import { HouseholdCaseEntity } from '../../../database';
import { CalendarService } from '../../calendar/calendar.service';
import { PolicyService } from '../../policy/policy.service';
import { toPolicyProfile } from '../../policy/to-policy-profile';
import { screenHousehold, type ExplainedScreening } from '../../screening/domain';
import { ScreeningExplainer } from '../../screening/screening-explainer';
import { IdempotencyConflictException } from '../case-errors';
import { PiiProtector } from '../pii';
import { requestHash as hashOfRequest } from '../request-hash';
import { CaseWriter } from './case-writer';
import type { SubmitCaseRequest, SubmitCaseResponse } from './submit-case.dto';
import { isUniqueViolation } from '@prp/persistence';

@Injectable()
export class SubmitCaseService {
  private readonly writer: CaseWriter;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTIFICATION_CONFIG) config: IdentificationConfig,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly explainer: ScreeningExplainer,
  ) {
    this.writer = new CaseWriter(new PiiProtector(config.PII_SECRET));
  }

  /**
   * Screens the household with the policy in force for its village on the discovery day and stores it
   * with its members and, for a new suspected case, its `case.submitted` event, all in one transaction.
   * The row keeps only the verdict; the response carries every rule. A retried key returns the first
   * result, its rules re-derived from the stored facts and policy version.
   */
  async submit(request: SubmitCaseRequest, idempotencyKey: string): Promise<SubmitCaseResponse> {
    this.assertNotInFuture(request.discoveredOn);
    const requestHash = hashOfRequest(request);
    const existing = await this.findByKey(idempotencyKey);
    if (existing) return this.replay(existing, requestHash);
    await this.assertVillage(request.villageCode);
    const identificationMonth = request.identificationMonth ?? request.discoveredOn.slice(0, 7);
    const policy = await this.policy.effective(request.villageCode, request.discoveredOn);
    const screening = screenHousehold({ ...request.household, identificationMonth }, toPolicyProfile(policy));
    const due =
      screening.disposition === 'CASE' ? await this.responseDue(request.villageCode, request.discoveredOn) : undefined;
    const input = {
      request,
      idempotencyKey,
      requestHash,
      identificationMonth,
      screening,
      responseDueDate: due?.dueDate ?? null,
    };
    try {
      const stored = await this.dataSource.transaction((manager) => this.writer.write(manager, input));
      return this.toResponse(stored, screening, false, stored.responseDueDate ? due : undefined);
    } catch (error) {
      const raced = isUniqueViolation(error) ? await this.findByKey(idempotencyKey) : null;
      if (raced) return this.replay(raced, requestHash);
      throw error;
    }
  }

  private async responseDue(villageCode: string, discoveredOn: string) {
    const policy = await this.policy.effective(villageCode, discoveredOn);
    return this.calendar.deadline(discoveredOn, policy.values.response_working_days ?? 5);
  }

  private async replay(existing: HouseholdCaseEntity, requestHash: string): Promise<SubmitCaseResponse> {
    if (existing.requestHash !== requestHash) throw new IdempotencyConflictException();
    const due = existing.responseDueDate ? await this.responseDue(existing.areaCode, existing.discoveredOn) : undefined;
    return this.toResponse(existing, await this.explainer.explain(existing), true, due);
  }

  private findByKey(idempotencyKey: string) {
    return this.dataSource.getRepository(HouseholdCaseEntity).findOne({ where: { idempotencyKey } });
  }

  private async assertVillage(villageCode: string): Promise<void> {
    const rows = await this.dataSource.query(`SELECT 1 FROM area WHERE code = $1 AND level = 'VILLAGE'`, [villageCode]);
    if (rows.length > 0) return;
    const message = `villageCode：行政村${villageCode}不在区划目录中`;
    throw new RequestValidationException([{ field: 'villageCode', code: 'CASE.UNKNOWN_VILLAGE', message }]);
  }

  private assertNotInFuture(discoveredOn: string): void {
    if (discoveredOn <= toShanghaiDate(new Date())) return;
    const message = 'discoveredOn：发现日期不能晚于今天（北京时间）';
    throw new RequestValidationException([{ field: 'discoveredOn', code: 'CASE.DISCOVERED_IN_FUTURE', message }]);
  }

  private toResponse(
    entity: HouseholdCaseEntity,
    screening: ExplainedScreening,
    replayed: boolean,
    due?: { dueDate: string; dueAt: string; explanation: string },
  ): SubmitCaseResponse {
    return {
      caseId: entity.id,
      caseNo: entity.caseNo,
      status: entity.status,
      replayed,
      screening,
      ...(entity.duplicateOf ? { duplicateOf: entity.duplicateOf } : {}),
      ...(due ? { responseDue: { dueDate: due.dueDate, dueAt: due.dueAt, explanation: due.explanation } } : {}),
    };
  }
}
