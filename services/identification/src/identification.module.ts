import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController, infrastructureProviders } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from './config/identification.config';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS, IDENTIFICATION_SCHEMA } from './database';
import { CalendarService } from './modules/calendar/calendar.service';
import { ComputeDeadlineController } from './modules/calendar/compute-deadline/compute-deadline.controller';
import { OverridesController } from './modules/calendar/overrides/overrides.controller';
import { ListCasesController } from './modules/cases/list-cases/list-cases.controller';
import { GetCaseController } from './modules/cases/get-case/get-case.controller';
import { RecordResponseController } from './modules/cases/record-response/record-response.controller';
import { SubmitCaseController } from './modules/cases/submit-case/submit-case.controller';
import { SubmitCaseService } from './modules/cases/submit-case/submit-case.service';
import { PolicyController } from './modules/policy/policy.controller';
import { PolicyService } from './modules/policy/policy.service';

const controllers = [
  HealthController,
  SubmitCaseController,
  ListCasesController,
  GetCaseController,
  RecordResponseController,
  ComputeDeadlineController,
  OverridesController,
  PolicyController,
];

@Module({})
export class IdentificationModule {
  static forRoot(config: IdentificationConfig): DynamicModule {
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
        }),
        CalendarService,
        SubmitCaseService,
        PolicyService,
      ],
    };
  }
}
