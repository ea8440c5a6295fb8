import { Inject, Injectable } from '@nestjs/common';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  recordStepUpdate,
  riskPointAppearedSignal,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type RiskPointAppearedSignal,
  type StepDecision,
} from '@prp/contracts';
import { TEMPORAL_GATEWAY } from '../approval.di-tokens';
import { isWorkflowMissing, mapTemporalError } from './map-temporal-error';
import type { TemporalGateway } from './temporal-gateway';

/** Calls on workflow `case-<id>`; every failure comes back as the API's HTTP answer (409/503). */
@Injectable()
export class CaseWorkflows {
  constructor(@Inject(TEMPORAL_GATEWAY) private readonly gateway: TemporalGateway) {}

  /** The update id is the decisionId, so a retried decision is applied once and answers the same state. */
  async recordStep(caseId: string, decision: StepDecision): Promise<CaseWorkflowState> {
    try {
      const handle = this.gateway.client.workflow.getHandle(caseWorkflowId(caseId));
      return await handle.executeUpdate(recordStepUpdate, { args: [decision], updateId: decision.decisionId });
    } catch (error) {
      throw mapTemporalError(error, caseId);
    }
  }

  /** Signals the risk point, starting the watched household's workflow if it is not running yet. */
  async reportRiskPoint(input: CaseWorkflowInput, signal: RiskPointAppearedSignal): Promise<void> {
    try {
      await this.gateway.client.workflow.signalWithStart(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue: this.gateway.settings.taskQueue,
        args: [input],
        signal: riskPointAppearedSignal,
        signalArgs: [signal],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (error) {
      throw mapTemporalError(error, input.caseId);
    }
  }

  /** The workflow's state, or null when no workflow runs for the case. */
  async state(caseId: string): Promise<CaseWorkflowState | null> {
    try {
      return await this.gateway.client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    } catch (error) {
      if (isWorkflowMissing(error)) return null;
      throw mapTemporalError(error, caseId);
    }
  }
}
