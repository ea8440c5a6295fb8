import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseStep, CaseWorkflowState, StepDecision } from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';
import { DATA_SOURCE } from '@prp/service-kit';
import { DecisionIdConflictException } from '../approval-errors';
import type { RecordStepResult } from '../record-step/record-step.dto';
import type { CaseRef } from './case-lookup';
import { decidedEvent, stepRecordedEvent } from './ledger-events';
import { LEDGER_COLUMNS, type LedgerRow } from './ledger-row';
import { insertNotification, insertStep, upsertProgress } from './ledger-writes';

/**
 * The append-only decision ledger. A step the workflow accepted is written here, with the case's
 * progress, its events and (on a final outcome) the household notification, in one transaction.
 */
@Injectable()
export class DecisionLedger {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async find(decisionId: string, manager: EntityManager = this.dataSource.manager): Promise<LedgerRow | null> {
    const rows: LedgerRow[] = await manager.query(
      `SELECT ${LEDGER_COLUMNS} FROM step_decision WHERE decision_id = $1`,
      [decisionId],
    );
    return rows[0] ?? null;
  }

  async listForCase(caseId: string): Promise<LedgerRow[]> {
    return this.dataSource.query(`SELECT ${LEDGER_COLUMNS} FROM step_decision WHERE case_id = $1 ORDER BY step_decision.seq`, [
      caseId,
    ]);
  }

  /**
   * Decisions the workflow made itself before `decision` (the notice period passing, a signalled response)
   * enter the ledger, and leave as case.step-recorded events, ahead of the decision that follows them.
   */
  private async backfillWorkflowDecisions(
    manager: EntityManager,
    kase: CaseRef,
    decision: StepDecision,
    state: CaseWorkflowState,
  ): Promise<void> {
    const decisions = state.decisions ?? [];
    const position = decisions.findIndex((d) => d.decisionId === decision.decisionId);
    const before = position < 0 ? decisions : decisions.slice(0, position);
    for (const earlier of before) {
      const step = WORKFLOW_DECISIONS[`${earlier.step}:${earlier.result}`];
      if (!step) continue;
      const asOf: CaseWorkflowState = { ...state, step, outcome: undefined };
      // insertStep skips a decision already in the ledger (ON CONFLICT), so each is written and published once.
      if (await insertStep(manager, kase.id, earlier, asOf, undefined)) {
        await addToOutbox(manager, stepRecordedEvent(kase, earlier, asOf));
      }
    }
  }

  /** The stored answer to a decision already in the ledger (a retry), or null if it is new. */
  async replay(caseId: string, decision: StepDecision, manager?: EntityManager): Promise<RecordStepResult | null> {
    const row = await this.find(decision.decisionId, manager);
    if (!row) return null;
    if (row.caseId !== caseId || row.step !== decision.step || row.result !== decision.result) {
      throw new DecisionIdConflictException(decision.decisionId);
    }
    const [notification] = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM household_notification WHERE case_id = $1`,
      [caseId],
    );
    return toResult(row, row.outcome ? (notification?.id ?? null) : null, true);
  }

  /** `apiKeyId`: the key of the request that recorded the step (the decisions the workflow made itself get none). */
  async appendStep(kase: CaseRef, decision: StepDecision, state: CaseWorkflowState, batch?: string, apiKeyId?: string) {
    return this.dataSource.transaction(async (manager) => {
      const outcome = state.outcome ?? finalOutcome(state.step);
      await this.backfillWorkflowDecisions(manager, kase, decision, state);
      const seq = await insertStep(manager, kase.id, decision, state, outcome, batch, apiKeyId);
      if (!seq) return (await this.replay(kase.id, decision, manager)) as RecordStepResult;
      const decidedNow = await upsertProgress(manager, kase, state, outcome, seq);
      await addToOutbox(manager, stepRecordedEvent(kase, decision, state));
      let notificationId: string | null = null;
      if (decidedNow && outcome) {
        await addToOutbox(manager, decidedEvent(kase, decision, outcome));
        notificationId = await insertNotification(manager, kase, decision, outcome);
      }
      const row = (await this.find(decision.decisionId, manager)) as LedgerRow;
      return toResult(row, notificationId, false);
    });
  }
}

/** Decisions the workflow records by itself, and the step each leaves the case at. */
const WORKFLOW_DECISIONS: Record<string, CaseStep> = {
  'PUBLIC_NOTICE:PASSED': 'COUNTY_APPROVAL', // the notice period ended without objection
  'RESPONSE:DONE': 'HOME_VERIFICATION', // first contact reported by the older caseResponded signal
};

function finalOutcome(step: string): 'INCLUDED' | 'REJECTED' | undefined {
  return step === 'INCLUDED' || step === 'REJECTED' ? step : undefined;
}

function toResult(row: LedgerRow, notificationId: string | null, alreadyRecorded: boolean): RecordStepResult {
  return {
    caseId: row.caseId,
    decisionId: row.decisionId,
    step: row.step,
    result: row.result,
    resultingStep: row.resultingStep,
    outcome: row.outcome,
    notificationId,
    alreadyRecorded,
  };
}
