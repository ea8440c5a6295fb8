import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController, infrastructureProviders } from '@prp/service-kit';
import { REPORTING_CONFIG, type ReportingConfig } from './config/reporting.config';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS, REPORTING_SCHEMA } from './database';
import { DepartmentSummaryController } from './modules/departments/department-summary/department-summary.controller';
import { DepartmentSummaryService } from './modules/departments/department-summary/department-summary.service';
import { ListOverdueController } from './modules/overdue/list-overdue/list-overdue.controller';
import { ListOverdueService } from './modules/overdue/list-overdue/list-overdue.service';
import { ReadModelConsumer } from './modules/read-models/read-model.consumer';
import { ListStagesController } from './modules/stages/list-stages/list-stages.controller';
import { ListStagesService } from './modules/stages/list-stages/list-stages.service';

@Module({})
export class ReportingModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [HealthController, ListOverdueController, ListStagesController, DepartmentSummaryController],
      providers: [
        { provide: REPORTING_CONFIG, useValue: config },
        ...infrastructureProviders({
          service: 'reporting',
          schema: REPORTING_SCHEMA,
          databaseUrl: config.DATABASE_URL,
          kafkaBrokers: config.KAFKA_BROKERS,
          entities: REPORTING_ENTITIES,
          migrations: REPORTING_MIGRATIONS,
          relayEnabled: config.RELAY_ENABLED,
          logLevel: config.LOG_LEVEL,
        }),
        DepartmentSummaryService,
        ListOverdueService,
        ListStagesService,
        ReadModelConsumer,
      ],
    };
  }
}
