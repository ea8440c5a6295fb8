import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CaseWorkflowState, StepDecision } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import { TEMPORAL_GATEWAY } from '../approval.di-tokens';
import { CountyBatchController } from '../county-batch/county-batch.controller';
import { CountyBatchService } from '../county-batch/county-batch.service';
import type { CaseRef } from '../ledger/case-lookup';
import { DecisionLedger } from '../ledger/decision-ledger';
import type { RecordStepResult } from '../record-step/record-step.dto';
import { RecordStepController } from '../record-step/record-step.controller';
import { RecordStepService } from '../record-step/record-step.service';
import { CaseWorkflows } from '../temporal/case-workflows';

export const VILLAGE = '450222101201';

export function caseRef(id: string, status = 'SUSPECTED', areaCode = VILLAGE): CaseRef {
  return {
    id,
    caseNo: 'JC202600000001',
    areaCode,
    status,
    channel: 'CADRE_VISIT',
    discoveredOn: '2026-11-02',
    colour: 'RED',
    category: 'UNSTABLE',
    memberCount: 4,
    registeredPoor: true,
    relocated: false,
    hukouAreaCode: null,
    residenceAreaCode: null,
  };
}

/** Fakes at the Temporal client boundary: `executeUpdate` is the only thing a test scripts. */
export interface ApprovalFakes {
  cases: Map<string, CaseRef>;
  executeUpdate: jest.Mock<Promise<CaseWorkflowState>, [unknown, { args: [StepDecision]; updateId: string }]>;
  replay: jest.Mock<Promise<RecordStepResult | null>, [string, StepDecision]>;
  appendStep: jest.Mock<Promise<RecordStepResult>, [CaseRef, StepDecision, CaseWorkflowState, string?]>;
  /** Rows the pending-batch query finds in case_progress. */
  progressRows: { caseId: string; caseNo: string; areaCode: string; waitingSince: string; step: string }[];
  queryState: jest.Mock<Promise<CaseWorkflowState>, []>;
}

export function createFakes(): ApprovalFakes {
  return {
    progressRows: [],
    queryState: jest.fn(),
    cases: new Map(),
    executeUpdate: jest.fn(),
    replay: jest.fn<Promise<RecordStepResult | null>, [string, StepDecision]>(async () => null),
    appendStep: jest.fn(async (kase, decision, state) => ({
      caseId: kase.id,
      decisionId: decision.decisionId,
      step: decision.step,
      result: decision.result,
      resultingStep: state.step,
      outcome: state.outcome ?? null,
      notificationId: null,
      alreadyRecorded: false,
    })),
  };
}

/** A Nest testing module of the approval slices with fakes for the database, the ledger and Temporal. */
export async function createApprovalTestApp(fakes: ApprovalFakes): Promise<NestFastifyApplication> {
  const query = async (sql: string, params: string[]) => {
    if (sql.includes('FROM case_progress')) return fakes.progressRows;
    const found = fakes.cases.get(params[0]);
    if (!found) return [];
    return sql.includes('SELECT area_code') ? [{ area_code: found.areaCode }] : [found];
  };
  const gateway = {
    settings: { address: 'fake:7233', namespace: 'test', taskQueue: 'case' },
    client: { workflow: { getHandle: () => ({ executeUpdate: fakes.executeUpdate, query: fakes.queryState }) } },
  };
  @Module({
    controllers: [RecordStepController, CountyBatchController],
    providers: [
      { provide: DATA_SOURCE, useValue: { query, manager: { query } } },
      { provide: TEMPORAL_GATEWAY, useValue: gateway },
      { provide: DecisionLedger, useValue: { replay: fakes.replay, appendStep: fakes.appendStep } },
      CaseWorkflows,
      RecordStepService,
      CountyBatchService,
    ],
  })
  class ApprovalTestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ApprovalTestModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
