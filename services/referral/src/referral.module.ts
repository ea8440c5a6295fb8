import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController, infrastructureProviders } from '@prp/service-kit';
import { REFERRAL_CONFIG, type ReferralConfig } from './config/referral.config';
import { REFERRAL_ENTITIES, REFERRAL_MIGRATIONS, REFERRAL_SCHEMA } from './database';
import { AssignmentController } from './modules/assignment/assignment.controller';
import { AssignmentService } from './modules/assignment/assignment.service';
import { AssistanceQueryService } from './modules/assignment/assistance-query.service';
import { AdminGuardService } from './modules/departments/admin-guard.service';
import { ApiKeysController } from './modules/departments/api-keys.controller';
import { ApiKeysService } from './modules/departments/api-keys.service';
import { DepartmentTasksController } from './modules/departments/department-tasks.controller';
import { DepartmentTasksService } from './modules/departments/department-tasks.service';
import { HelpersController } from './modules/helpers/helpers.controller';
import { HelpersService } from './modules/helpers/helpers.service';
import { InclusionConsumer } from './modules/inclusion/inclusion.consumer';
import { PlansController } from './modules/plans/plans.controller';
import { PlansService } from './modules/plans/plans.service';
import { VisitsController } from './modules/visits/visits.controller';
import { VisitsService } from './modules/visits/visits.service';

export const REFERRAL_CONTROLLERS = [
  HealthController,
  HelpersController,
  AssignmentController,
  PlansController,
  DepartmentTasksController,
  ApiKeysController,
  VisitsController,
];

export const REFERRAL_PROVIDERS = [
  AssignmentService,
  AssistanceQueryService,
  HelpersService,
  PlansService,
  ApiKeysService,
  AdminGuardService,
  DepartmentTasksService,
  VisitsService,
  InclusionConsumer,
];

export interface ReferralModuleOptions {
  /** Another schema than `referral` (integration tests use a throwaway one). */
  schema?: string;
}

@Module({})
export class ReferralModule {
  static forRoot(config: ReferralConfig, options: ReferralModuleOptions = {}): DynamicModule {
    return {
      module: ReferralModule,
      controllers: REFERRAL_CONTROLLERS,
      providers: [
        { provide: REFERRAL_CONFIG, useValue: config },
        ...infrastructureProviders({
          service: 'referral',
          schema: options.schema ?? REFERRAL_SCHEMA,
          databaseUrl: config.DATABASE_URL,
          kafkaBrokers: config.KAFKA_BROKERS,
          entities: REFERRAL_ENTITIES,
          migrations: REFERRAL_MIGRATIONS,
          relayEnabled: config.RELAY_ENABLED,
          logLevel: config.LOG_LEVEL,
        }),
        ...REFERRAL_PROVIDERS,
      ],
    };
  }
}
