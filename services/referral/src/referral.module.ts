import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController, infrastructureProviders, type ServiceConfig } from '@prp/service-kit';
import { REFERRAL_ENTITIES, REFERRAL_MIGRATIONS, REFERRAL_SCHEMA } from './database';

@Module({})
export class ReferralModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ReferralModule,
      controllers: [HealthController],
      providers: infrastructureProviders({
        service: 'referral',
        schema: REFERRAL_SCHEMA,
        databaseUrl: config.DATABASE_URL,
        kafkaBrokers: config.KAFKA_BROKERS,
        entities: REFERRAL_ENTITIES,
        migrations: REFERRAL_MIGRATIONS,
        relayEnabled: config.RELAY_ENABLED,
        logLevel: config.LOG_LEVEL,
      }),
    };
  }
}
