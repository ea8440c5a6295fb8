import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { APPROVAL_FLOW_VERSION } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import type { RescreenResponse } from '../../cases/amend-facts/amend-facts.dto';
import { factsMissing } from '../../cases/amend-facts/amend-facts-errors';
import { lockCase } from '../../cases/amend-facts/amendable-case';
import { CaseRescreener } from '../../cases/amend-facts/case-rescreener';
import { findChangeByKey } from '../../cases/amend-facts/facts-revisions';
import type { ScreeningHousehold } from '../../screening/domain';
import { NotBlueWatchException } from '../approval-errors';
import type { ReportRiskPointBody } from './report-risk-point.dto';
import { riskPointTypeOf } from './risk-point-type';
import { isUniqueViolation } from '@prp/persistence';

export interface ScreenedOutRiskPointResult {
  caseId: string;
  reportId: string;
  alreadyRecorded: boolean;
  rescreen: RescreenResponse | null;
}

/** The revision key of a risk point report (its ledger row has the reportId itself). */
export const riskPointRevisionKey = (reportId: string) => `risk-point:${reportId}`;

/**
 * A risk point on a screened-out household: the stored facts are screened again with the risk point added
 * (policy of the village on the discovery day). Qualifying now, the household becomes a suspected case with
 * its response due date and `case.submitted`, as a fresh one would; the report is a RISK_POINT row of the
 * ledger either way, and the facts revision keeps what the case looked like before.
 */
@Injectable()
export class ScreenedOutRiskPoint {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rescreener: CaseRescreener,
  ) {}

  async apply(
    caseId: string,
    reportId: string,
    body: ReportRiskPointBody,
    apiKeyId?: string,
  ): Promise<ScreenedOutRiskPointResult> {
    try {
      return await this.rescreen(caseId, reportId, body, apiKeyId);
    } catch (error) {
      // The same report sent twice at once: the second transaction hits the first's revision or ledger row.
      const rescreen = isUniqueViolation(error) ? await this.stored(reportId) : null;
      if (rescreen) return { caseId, reportId, alreadyRecorded: true, rescreen };
      throw error;
    }
  }

  private rescreen(caseId: string, reportId: string, body: ReportRiskPointBody, apiKeyId?: string) {
    return this.dataSource.transaction(async (manager): Promise<ScreenedOutRiskPointResult> => {
      const kase = await lockCase(manager, caseId);
      const earlier = await findChangeByKey(manager, riskPointRevisionKey(reportId));
      if (earlier)
        return { caseId, reportId, alreadyRecorded: true, rescreen: { ...earlier.response, replayed: true } };
      if (kase.status !== 'SCREENED_OUT') throw new NotBlueWatchException(caseId);
      if (!kase.facts) throw factsMissing(kase.caseNo);
      const facts = kase.facts as Omit<ScreeningHousehold, 'identificationMonth'>;
      const type = riskPointTypeOf(body.riskPoint, body.riskPointType);
      const household = {
        ...facts,
        riskPoints: facts.riskPoints.includes(type) ? facts.riskPoints : [...facts.riskPoints, type],
      };
      const rescreen = await this.rescreener.apply(manager, {
        kase,
        household,
        maskedFacts: household,
        identificationMonth: kase.identificationMonth ?? kase.discoveredOn.slice(0, 7),
        trigger: 'RISK_POINT',
        reason: body.riskPoint,
        changedBy: body.reportedBy,
        apiKeyId: apiKeyId ?? null,
        idempotencyKey: riskPointRevisionKey(reportId),
        requestHash: createHash('sha256').update(JSON.stringify({ caseId, body })).digest('hex'),
      });
      await ledgerRiskPoint(manager, caseId, reportId, body, rescreen.status, apiKeyId);
      return { caseId, reportId, alreadyRecorded: false, rescreen };
    });
  }

  /** The first answer's re-screening, for a report already in the ledger. */
  async stored(reportId: string): Promise<RescreenResponse | null> {
    const change = await findChangeByKey(this.dataSource.manager, riskPointRevisionKey(reportId));
    return change ? { ...change.response, replayed: true } : null;
  }
}

async function ledgerRiskPoint(
  manager: EntityManager,
  caseId: string,
  reportId: string,
  body: ReportRiskPointBody,
  status: string,
  apiKeyId: string | undefined,
) {
  await manager.query(
    `INSERT INTO step_decision (decision_id, case_id, kind, actor, decided_at, reason, flow_version, resulting_step, api_key_id)
     VALUES ($1, $2, 'RISK_POINT', $3, $4, $5, $6, $7, $8)`,
    [
      reportId,
      caseId,
      body.reportedBy,
      body.observedAt,
      body.riskPoint,
      APPROVAL_FLOW_VERSION,
      status === 'SUSPECTED' ? 'AWAITING_RESPONSE' : status,
      apiKeyId ?? null,
    ],
  );
}
