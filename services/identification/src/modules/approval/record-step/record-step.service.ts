import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { StepDecision } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import { CaseNotInChainException } from '../../cases/case-errors';
import { WorkflowNotStartedException } from '../approval-errors';
import { findCase, NO_WORKFLOW_STATUSES, type CaseRef } from '../ledger/case-lookup';
import { DecisionLedger } from '../ledger/decision-ledger';
import { CaseWorkflows } from '../temporal/case-workflows';
import type { RecordStepResult } from './record-step.dto';

/**
 * Records one approval step: the case workflow decides whether it is the step's turn (update with the
 * decisionId as update id); only an accepted step reaches the ledger. A retried decisionId answers the
 * stored result without calling the workflow again.
 */
@Injectable()
export class RecordStepService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflows,
    private readonly ledger: DecisionLedger,
  ) {}

  async record(caseId: string, decision: StepDecision, batch?: string, apiKeyId?: string): Promise<RecordStepResult> {
    const kase = await findCase(this.dataSource.manager, caseId);
    const stored = await this.ledger.replay(caseId, decision);
    if (stored) return stored;
    const state = await this.applyToWorkflow(kase, decision);
    return this.ledger.appendStep(kase, decision, state, batch, apiKeyId);
  }

  private async applyToWorkflow(kase: CaseRef, decision: StepDecision) {
    try {
      return await this.workflows.recordStep(kase.id, decision);
    } catch (error) {
      if (error instanceof WorkflowNotStartedException && NO_WORKFLOW_STATUSES.includes(kase.status)) {
        throw new CaseNotInChainException(kase.id, kase.status);
      }
      throw error;
    }
  }
}
