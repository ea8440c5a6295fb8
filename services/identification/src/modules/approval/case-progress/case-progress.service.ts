import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CaseWorkflowState } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import { findCase } from '../ledger/case-lookup';
import { DecisionLedger } from '../ledger/decision-ledger';
import type { LedgerRow } from '../ledger/ledger-row';
import { CaseWorkflows } from '../temporal/case-workflows';

export interface NotificationView {
  id: string;
  outcome: string;
  text: string;
  createdAt: string;
  deliveredAt: string | null;
  deliveredBy: string | null;
}

export interface CaseProgressView {
  caseId: string;
  caseNo: string;
  /** The workflow's step; the ledger's last resulting step when the workflow cannot be asked. */
  currentStep: string | null;
  outcome: string | null;
  workflow: (CaseWorkflowState & { available: true }) | { available: false; message: string };
  decisions: LedgerRow[];
  notification: NotificationView | null;
}

/** Where a case stands: the workflow's own state (step, due dates, paused time) beside the decision ledger. */
@Injectable()
export class CaseProgressService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflows,
    private readonly ledger: DecisionLedger,
  ) {}

  async decisions(caseId: string): Promise<{ caseId: string; items: LedgerRow[] }> {
    await findCase(this.dataSource.manager, caseId);
    return { caseId, items: await this.ledger.listForCase(caseId) };
  }

  async progress(caseId: string): Promise<CaseProgressView> {
    const kase = await findCase(this.dataSource.manager, caseId);
    const [decisions, notification, workflow] = await Promise.all([
      this.ledger.listForCase(caseId),
      this.notification(caseId),
      this.workflowState(caseId),
    ]);
    const last = decisions.at(-1);
    const currentStep = workflow.available ? workflow.step : (last?.resultingStep ?? null);
    const outcome = (workflow.available ? workflow.outcome : undefined) ?? last?.outcome ?? null;
    return { caseId, caseNo: kase.caseNo, currentStep, outcome, workflow, decisions, notification };
  }

  private async workflowState(caseId: string): Promise<CaseProgressView['workflow']> {
    try {
      const state = await this.workflows.state(caseId);
      if (!state) return { available: false, message: '认定流程尚未启动或已不存在' };
      return { ...state, available: true };
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      return { available: false, message: '流程引擎暂时不可用，仅显示决策台账' };
    }
  }

  private async notification(caseId: string): Promise<NotificationView | null> {
    const rows: NotificationView[] = await this.dataSource.query(
      `SELECT id, outcome, text, created_at AS "createdAt", delivered_at AS "deliveredAt", delivered_by AS "deliveredBy"
       FROM household_notification WHERE case_id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }
}
