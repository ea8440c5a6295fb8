import { createHash, randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { toShanghaiDate } from '@prp/calendar';
import { createEnvelope, DEFAULT_RESPONSE_WORKING_DAYS, EVENT_TYPES } from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';
import { DATA_SOURCE, RequestValidationException } from '@prp/service-kit';
import { HouseholdCaseEntity } from '../../../database';
import { CalendarService } from '../../calendar/calendar.service';
import { IdempotencyConflictException } from '../case-errors';
import { maskName } from '../mask';
import type { SubmitCaseRequest, SubmitCaseResponse } from './submit-case.dto';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class SubmitCaseService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /** Stores the case and its `case.submitted` event in one transaction; a retried key returns the first case. */
  async submit(request: SubmitCaseRequest, idempotencyKey: string): Promise<SubmitCaseResponse> {
    this.assertNotInFuture(request.discoveredOn);
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const existing = await this.findByKey(idempotencyKey);
    if (existing) return this.replay(existing, requestHash);
    const due = await this.calendar.deadline(request.discoveredOn, DEFAULT_RESPONSE_WORKING_DAYS);
    try {
      const stored = await this.dataSource.transaction((manager) => this.insert(manager, request, idempotencyKey, requestHash, due.dueDate));
      return this.toResponse(stored, false, due);
    } catch (error) {
      const raced = (error as { code?: string }).code === UNIQUE_VIOLATION ? await this.findByKey(idempotencyKey) : null;
      if (raced) return this.replay(raced, requestHash);
      throw error;
    }
  }

  private async insert(manager: EntityManager, request: SubmitCaseRequest, key: string, hash: string, dueDate: string) {
    const [{ seq }] = await manager.query(`SELECT nextval('case_no_seq')::text AS seq`);
    const entity = manager.create(HouseholdCaseEntity, {
      id: randomUUID(),
      caseNo: `JC${request.discoveredOn.slice(0, 4)}${String(seq).padStart(8, '0')}`,
      idempotencyKey: key,
      requestHash: hash,
      areaCode: request.villageCode,
      channel: request.channel,
      discoveredOn: request.discoveredOn,
      discoveredBy: request.discoveredBy,
      headName: request.household.headName,
      memberCount: request.household.memberCount,
      status: 'SUSPECTED',
      responseDueDate: dueDate,
      respondedAt: null,
    });
    await manager.insert(HouseholdCaseEntity, entity);
    await addToOutbox(manager, this.submittedEvent(entity));
    return entity;
  }

  private submittedEvent(entity: HouseholdCaseEntity) {
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
      },
    });
  }

  private async replay(existing: HouseholdCaseEntity, requestHash: string): Promise<SubmitCaseResponse> {
    if (existing.requestHash !== requestHash) throw new IdempotencyConflictException();
    const due = await this.calendar.deadline(existing.discoveredOn, DEFAULT_RESPONSE_WORKING_DAYS);
    return this.toResponse(existing, true, due);
  }

  private findByKey(idempotencyKey: string) {
    return this.dataSource.getRepository(HouseholdCaseEntity).findOne({ where: { idempotencyKey } });
  }

  private assertNotInFuture(discoveredOn: string): void {
    if (discoveredOn <= toShanghaiDate(new Date())) return;
    const message = 'discoveredOn：发现日期不能晚于今天（北京时间）';
    throw new RequestValidationException([{ field: 'discoveredOn', code: 'CASE.DISCOVERED_IN_FUTURE', message }]);
  }

  private toResponse(entity: HouseholdCaseEntity, replayed: boolean, due: { dueDate: string; dueAt: string; explanation: string }): SubmitCaseResponse {
    return {
      caseId: entity.id,
      caseNo: entity.caseNo,
      status: entity.status,
      replayed,
      responseDue: { dueDate: due.dueDate, dueAt: due.dueAt, explanation: due.explanation },
    };
  }
}
