import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController, infrastructureProviders, type ServiceConfig } from '@prp/service-kit';
import { SUBSIDY_ENTITIES, SUBSIDY_MIGRATIONS, SUBSIDY_SCHEMA } from './database';

@Module({})
export class SubsidyModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: SubsidyModule,
      controllers: [HealthController],
      providers: infrastructureProviders({
        service: 'subsidy',
        schema: SUBSIDY_SCHEMA,
        databaseUrl: config.DATABASE_URL,
        kafkaBrokers: config.KAFKA_BROKERS,
        entities: SUBSIDY_ENTITIES,
        migrations: SUBSIDY_MIGRATIONS,
        relayEnabled: config.RELAY_ENABLED,
        logLevel: config.LOG_LEVEL,
      }),
    };
  }
}
