import type { Provider } from '@nestjs/common';
import type { HealthCheck } from '@prp/service-kit';
import type { IdentificationConfig } from '../../config/identification.config';
import { TEMPORAL_GATEWAY } from './approval.di-tokens';
import { CaseProgressController } from './case-progress/case-progress.controller';
import { CaseProgressService } from './case-progress/case-progress.service';
import { CountyBatchController } from './county-batch/county-batch.controller';
import { CountyBatchService } from './county-batch/county-batch.service';
import { DecisionLedger } from './ledger/decision-ledger';
import { MarkDeliveredController } from './notifications/mark-delivered.controller';
import { RecordStepController } from './record-step/record-step.controller';
import { RecordStepService } from './record-step/record-step.service';
import { ReportRiskPointController } from './risk-points/report-risk-point.controller';
import { ReportRiskPointService } from './risk-points/report-risk-point.service';
import { CaseWorkflows } from './temporal/case-workflows';
import { TemporalGateway } from './temporal/temporal-gateway';
import { TemporalLifecycle } from './temporal/temporal-lifecycle';

export const approvalControllers = [
  RecordStepController,
  CountyBatchController,
  ReportRiskPointController,
  CaseProgressController,
  MarkDeliveredController,
];

/** The approval chain's providers and the Temporal health check (the gateway connects lazily). */
export function approvalModule(config: IdentificationConfig): { providers: Provider[]; healthChecks: HealthCheck[] } {
  const gateway = new TemporalGateway({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
  });
  const providers: Provider[] = [
    { provide: TEMPORAL_GATEWAY, useValue: gateway },
    TemporalLifecycle,
    CaseWorkflows,
    DecisionLedger,
    RecordStepService,
    CountyBatchService,
    ReportRiskPointService,
    CaseProgressService,
  ];
  return { providers, healthChecks: [{ name: 'temporal', check: () => gateway.check() }] };
}
