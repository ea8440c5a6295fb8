import { randomUUID } from 'crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APPROVAL_FLOW_VERSION,
  createEnvelope,
  EVENT_TYPES,
  type CaseWorkflowInput,
  type DiscoveryChannel,
} from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';
import { DATA_SOURCE } from '@prp/service-kit';
import { NotBlueWatchException } from '../approval-errors';
import { findCase, type CaseRef } from '../ledger/case-lookup';
import { CaseWorkflows } from '../temporal/case-workflows';
import type { ReportRiskPointBody } from './report-risk-point.dto';
import { ScreenedOutRiskPoint } from './screened-out-risk-point';
import type { RescreenResponse } from '../../cases/amend-facts/amend-facts.dto';

export interface RiskPointResult {
  caseId: string;
  reportId: string;
  alreadyRecorded: boolean;
  /** A screened-out household screened again with the risk point added (absent for a watched BLUE one). */
  rescreen?: RescreenResponse | null;
}

/** A watched (BLUE) household showed a risk point: the workflow upgrades it and the approval chain starts. */
@Injectable()
export class ReportRiskPointService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflows,
    /** Absent in slices built without intake's screening (then a screened-out household is refused as before). */
    @Optional() private readonly screenedOut?: ScreenedOutRiskPoint,
  ) {}

  /** `apiKeyId`: the key of the HTTP request, kept in the ledger row (none when a consumer reports). */
  async report(
    caseId: string,
    reportId: string,
    body: ReportRiskPointBody,
    apiKeyId?: string,
  ): Promise<RiskPointResult> {
    const kase = await findCase(this.dataSource.manager, caseId);
    const [stored] = await this.dataSource.query(`SELECT case_id FROM step_decision WHERE decision_id = $1`, [
      reportId,
    ]);
    if (stored) {
      const rescreen = await this.screenedOut?.stored(reportId);
      return { caseId, reportId, alreadyRecorded: true, ...(rescreen ? { rescreen } : {}) };
    }
    if (kase.status === 'SCREENED_OUT' && this.screenedOut) {
      return this.screenedOut.apply(caseId, reportId, body, apiKeyId);
    }
    if (kase.status !== 'BLUE_WATCH') throw new NotBlueWatchException(caseId);
    const signal = { riskPoint: body.riskPoint, observedAt: body.observedAt, reportedBy: body.reportedBy };
    await this.workflows.reportRiskPoint(workflowInput(kase), signal);
    const inserted = await this.dataSource.transaction((manager) =>
      this.append(manager, kase, reportId, body, apiKeyId),
    );
    return { caseId, reportId, alreadyRecorded: !inserted };
  }

  private async append(
    manager: EntityManager,
    kase: CaseRef,
    reportId: string,
    body: ReportRiskPointBody,
    apiKeyId: string | undefined,
  ) {
    const rows: unknown[] = await manager.query(
      `INSERT INTO step_decision (decision_id, case_id, kind, actor, decided_at, reason, flow_version, resulting_step, api_key_id)
       VALUES ($1, $2, 'RISK_POINT', $3, $4, $5, $6, 'AWAITING_RESPONSE', $7) ON CONFLICT (decision_id) DO NOTHING RETURNING seq`,
      [reportId, kase.id, body.reportedBy, body.observedAt, body.riskPoint, APPROVAL_FLOW_VERSION, apiKeyId ?? null],
    );
    if (rows.length === 0) return false;
    // Upgraded: the household is a suspected case on the chain now, no longer a watched one; a second report
    // through this door is refused (risk points found later on visits enter the ledger as notes).
    await manager.query(`UPDATE household_case SET status = 'SUSPECTED' WHERE id = $1 AND status = 'BLUE_WATCH'`, [kase.id]);
    const event = createEnvelope({
      type: EVENT_TYPES.caseRiskPointReported,
      eventId: randomUUID(),
      caseId: kase.id,
      areaCode: kase.areaCode,
      producer: 'identification',
      payload: { riskPoint: body.riskPoint, observedAt: body.observedAt, reportedBy: body.reportedBy },
    });
    await addToOutbox(manager, event);
    return true;
  }
}

function workflowInput(kase: CaseRef): CaseWorkflowInput {
  return {
    caseId: kase.id,
    areaCode: kase.areaCode,
    caseNo: kase.caseNo,
    channel: kase.channel as DiscoveryChannel,
    discoveredOn: kase.discoveredOn,
    colour: 'BLUE',
    flowVersion: APPROVAL_FLOW_VERSION,
  };
}
