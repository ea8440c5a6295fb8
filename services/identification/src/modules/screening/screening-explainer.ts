import { Injectable } from '@nestjs/common';
import type { HouseholdCaseEntity } from '../../database/household-case.entity';
import { PolicyService } from '../policy/policy.service';
import {
  explainSummary,
  isFullResult,
  screenHousehold,
  type ExplainedScreening,
  type ScreeningHousehold,
  type ScreeningResult,
  type ScreeningSummary,
} from './domain';

/** What the explainer reads of a case row. */
export type StoredScreening = Pick<
  HouseholdCaseEntity,
  'screening' | 'facts' | 'identificationMonth' | 'areaCode' | 'discoveredOn' | 'policyVersion'
>;

/**
 * Turns the screening a case row stores back into the full result with every rule. Rows written before
 * summaries hold the full result and are returned as stored. A summary is explained by screening the stored
 * facts (masked names and ID numbers: the engine reads neither) again with the policy version the row names.
 */
@Injectable()
export class ScreeningExplainer {
  constructor(private readonly policy: PolicyService) {}

  async explain(row: StoredScreening): Promise<ExplainedScreening> {
    if (!row.screening) throw new Error('case row has no screening to explain');
    const stored = row.screening as ScreeningSummary | ScreeningResult;
    if (isFullResult(stored)) return stored;
    const label = row.policyVersion ?? stored.policyVersion;
    const profile = await this.policy.profileOfVersion(row.areaCode, label);
    const household: ScreeningHousehold = {
      ...(row.facts as Omit<ScreeningHousehold, 'identificationMonth'>),
      identificationMonth: row.identificationMonth ?? row.discoveredOn.slice(0, 7),
    };
    return explainSummary(stored, screenHousehold(household, profile));
  }
}
