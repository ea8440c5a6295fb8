import { Inject, Injectable } from '@nestjs/common';
import { Like, type DataSource, type EntityManager } from 'typeorm';
import { addToOutbox } from '@prp/messaging';
import { DATA_SOURCE } from '@prp/service-kit';
import { HouseholdCaseEntity } from '../../database';
import { CalendarService } from '../calendar/calendar.service';
import { maskName } from '../cases/mask';
import { STATUS_BY_DISPOSITION, submittedEvent } from '../cases/submit-case/case-writer';
import { PolicyService } from '../policy/policy.service';
import type { ScreeningSummary } from '../screening/domain';
import { DuplicateNotFoundException, DuplicateNotPendingException } from './duplicate-errors';
import type { ReviewDuplicateRequest } from './review-duplicate.dto';

/** A stored summary (or, on older rows, the full result): both carry the verdict fields read here. */
type StoredVerdict = Pick<ScreeningSummary, 'disposition' | 'category' | 'colour' | 'policyVersion'>;

/** Review of suspected duplicates: merge into the open case, or dismiss (a proper case from then on). */
@Injectable()
export class DuplicatesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly calendar: CalendarService,
  ) {}

  /** Pending reviews in the area under `areaPrefix` ('' for all). */
  async listPending(page: number, pageSize: number, areaPrefix = '') {
    const repo = this.dataSource.getRepository(HouseholdCaseEntity);
    const [rows, total] = await repo.findAndCount({
      where: { status: 'DUPLICATE_SUSPECTED', areaCode: Like(`${areaPrefix}%`) },
      order: { createdAt: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const items = rows.map((row) => ({
      id: row.id,
      caseNo: row.caseNo,
      areaCode: row.areaCode,
      duplicateOf: row.duplicateOf,
      headName: maskName(row.headName),
      memberCount: row.memberCount,
      discoveredOn: row.discoveredOn,
      submittedAt: row.createdAt,
    }));
    return { page, pageSize, total, items };
  }

  merge(id: string, review: ReviewDuplicateRequest) {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.pending(manager, id);
      const record = {
        decision: 'MERGED',
        ...review,
        reviewedAt: new Date().toISOString(),
        mergedInto: found.duplicateOf,
      };
      await manager.update(HouseholdCaseEntity, { id }, { status: 'MERGED', duplicateReview: record });
      return { id, status: 'MERGED', mergedInto: found.duplicateOf, review: record };
    });
  }

  /** Not a duplicate: the submission takes the status its screening gave it; a suspected case emits `case.submitted` now. */
  dismiss(id: string, review: ReviewDuplicateRequest) {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.pending(manager, id);
      const screening = found.screening as StoredVerdict;
      const status = STATUS_BY_DISPOSITION[screening.disposition];
      const responseDueDate = status === 'SUSPECTED' ? await this.dueDate(found) : null;
      const record = { decision: 'DISMISSED', ...review, reviewedAt: new Date().toISOString() };
      await manager.update(HouseholdCaseEntity, { id }, { status, responseDueDate, duplicateReview: record });
      if (status === 'SUSPECTED') await addToOutbox(manager, submittedEvent(found, screening));
      return { id, status, responseDueDate, review: record };
    });
  }

  private async pending(manager: EntityManager, id: string): Promise<HouseholdCaseEntity> {
    const found = await manager.findOne(HouseholdCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new DuplicateNotFoundException(id);
    if (found.status !== 'DUPLICATE_SUSPECTED') throw new DuplicateNotPendingException(id, found.status);
    return found;
  }

  private async dueDate(found: HouseholdCaseEntity): Promise<string> {
    const policy = await this.policy.effective(found.areaCode, found.discoveredOn);
    return (await this.calendar.deadline(found.discoveredOn, policy.values.response_working_days ?? 5)).dueDate;
  }
}
