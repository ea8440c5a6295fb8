import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContractViolationError, EVENT_TYPES, type AnyEnvelope } from '@prp/contracts';
import { CaseNotFoundException } from '../cases/case-errors';
import { findCase, type CaseRef } from '../approval/ledger/case-lookup';
import { ReportRiskPointService } from '../approval/risk-points/report-risk-point.service';
import { lastDecision, noteRiskPoint } from './risk-point-note';
import { helperActor, visitFinding, visitRiskPointId, type VisitFinding } from './visit-findings';

/** What happened to one risk point of a visit. */
export type RiskPointOutcome = 'UPGRADED' | 'NOTED' | 'ALREADY_RECORDED';

/**
 * Feeds the risk points a helper found on a visit back into screening (policy.md §5: BLUE → YELLOW/RED at any
 * time a risk point appears, a visit finding included). A watched BLUE household goes through the existing
 * report-risk-point path (the workflow upgrades it and the approval chain starts); a case already in the chain
 * or decided gets the finding in its ledger and nothing is restarted.
 */
@Injectable()
export class VisitFeedbackService {
  constructor(private readonly reports: ReportRiskPointService) {}

  /** Runs inside the idempotent consumer's transaction (`manager`), after its processed-event row. */
  async apply(manager: EntityManager, envelope: AnyEnvelope): Promise<RiskPointOutcome[]> {
    const finding = visitFinding(envelope);
    if (!finding) return [];
    const kase = await this.caseOf(manager, finding.caseId);
    const outcomes: RiskPointOutcome[] = [];
    for (const riskPoint of finding.riskPoints) outcomes.push(await this.applyOne(manager, kase, finding, riskPoint));
    return outcomes;
  }

  private async applyOne(
    manager: EntityManager,
    kase: CaseRef,
    finding: VisitFinding,
    riskPoint: string,
  ): Promise<RiskPointOutcome> {
    const id = visitRiskPointId(kase.id, finding.visitId, riskPoint);
    const [ledgered] = await manager.query(`SELECT 1 FROM step_decision WHERE decision_id = $1`, [id]);
    if (ledgered) return 'ALREADY_RECORDED';
    const last = await lastDecision(manager, kase.id);
    if (kase.status === 'BLUE_WATCH' && !last) {
      const body = { riskPoint, observedAt: finding.observedAt, reportedBy: helperActor(finding.helperId) };
      const result = await this.reports.report(kase.id, id, body);
      return result.alreadyRecorded ? 'ALREADY_RECORDED' : 'UPGRADED';
    }
    return (await noteRiskPoint(manager, kase, last, finding, id, riskPoint)) ? 'NOTED' : 'ALREADY_RECORDED';
  }

  /** A visit of a case identification does not know cannot succeed on retry: it is dead-lettered at once. */
  private async caseOf(manager: EntityManager, caseId: string): Promise<CaseRef> {
    try {
      return await findCase(manager, caseId);
    } catch (error) {
      if (!(error instanceof CaseNotFoundException)) throw error;
      const message = `识别服务中没有案件${caseId}，无法登记走访发现的风险点`;
      throw new ContractViolationError([{ path: 'caseId', message }], EVENT_TYPES.visitRecorded);
    }
  }
}
