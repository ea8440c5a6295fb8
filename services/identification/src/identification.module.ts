import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController, infrastructureProviders } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from './config/identification.config';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS, IDENTIFICATION_SCHEMA } from './database';
import { accessControllers, accessProviders } from './modules/access/access.providers';
import { approvalControllers, approvalModule } from './modules/approval/approval.providers';
import { areaControllers, areaProviders } from './modules/areas/areas.providers';
import { CalendarService } from './modules/calendar/calendar.service';
import { ComputeDeadlineController } from './modules/calendar/compute-deadline/compute-deadline.controller';
import { CountWorkingDaysController } from './modules/calendar/count-working-days/count-working-days.controller';
import { OverridesController } from './modules/calendar/overrides/overrides.controller';
import { CampaignsController } from './modules/campaigns/campaigns.controller';
import { CampaignsService } from './modules/campaigns/campaigns.service';
import { BatchIntakeController } from './modules/cases/batch-intake/batch-intake.controller';
import { BatchIntakeService } from './modules/cases/batch-intake/batch-intake.service';
import { BatchPreparer } from './modules/cases/batch-intake/batch-preparer';
import { ListCasesController } from './modules/cases/list-cases/list-cases.controller';
import { GetCaseController } from './modules/cases/get-case/get-case.controller';
import { RecordResponseController } from './modules/cases/record-response/record-response.controller';
import { SubmitCaseController } from './modules/cases/submit-case/submit-case.controller';
import { SubmitCaseService } from './modules/cases/submit-case/submit-case.service';
import { countyFiguresControllers, countyFiguresProviders } from './modules/county-figures/county-figures.providers';
import { DuplicatesController } from './modules/duplicates/duplicates.controller';
import { DuplicatesService } from './modules/duplicates/duplicates.service';
import { PolicyController } from './modules/policy/policy.controller';
import { PolicyProfileProvider } from './modules/policy/policy-profile.provider';
import { PolicyService } from './modules/policy/policy.service';
import { visitFeedbackProviders } from './modules/visit-feedback/visit-feedback.providers';
import { amendFactsControllers, amendFactsProviders } from './modules/cases/amend-facts/amend-facts.providers';
import { ScreenedOutRiskPoint } from './modules/approval/risk-points/screened-out-risk-point';
import { ScreeningExplainer } from './modules/screening/screening-explainer';

const controllers = [
  HealthController,
  SubmitCaseController,
  BatchIntakeController,
  ListCasesController,
  GetCaseController,
  RecordResponseController,
  DuplicatesController,
  CampaignsController,
  ComputeDeadlineController,
  CountWorkingDaysController,
  OverridesController,
  PolicyController,
  ...areaControllers,
  ...countyFiguresControllers,
  ...approvalControllers,
  ...accessControllers,
  ...amendFactsControllers,
];

@Module({})
export class IdentificationModule {
  static forRoot(config: IdentificationConfig): DynamicModule {
    const approval = approvalModule(config);
    return {
      module: IdentificationModule,
      controllers,
      providers: [
        { provide: IDENTIFICATION_CONFIG, useValue: config },
        ...infrastructureProviders({
          service: 'identification',
          schema: IDENTIFICATION_SCHEMA,
          databaseUrl: config.DATABASE_URL,
          kafkaBrokers: config.KAFKA_BROKERS,
          entities: IDENTIFICATION_ENTITIES,
          migrations: IDENTIFICATION_MIGRATIONS,
          relayEnabled: config.RELAY_ENABLED,
          logLevel: config.LOG_LEVEL,
          extraHealthChecks: approval.healthChecks,
        }),
        CalendarService,
        SubmitCaseService,
        ScreeningExplainer,
        BatchPreparer,
        BatchIntakeService,
        DuplicatesService,
        CampaignsService,
        PolicyService,
        PolicyProfileProvider,
        ...areaProviders,
        ...countyFiguresProviders,
        ...approval.providers,
        ...visitFeedbackProviders(config),
        ...accessProviders,
        ...amendFactsProviders,
        ScreenedOutRiskPoint,
      ],
    };
  }
}
