import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createKafkaBus, MESSAGING_ENTITIES, OutboxRelay, type MessageBus } from '@prp/messaging';
import { createServiceDataSource, type ServiceDataSourceOptions } from '@prp/persistence';
import { HEALTH_CHECKS, type HealthCheck } from './health';
import { JsonLogger, type LogLevel } from './logger';

export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
export const INFRA_OPTIONS = Symbol('INFRA_OPTIONS');

export interface InfrastructureOptions {
  service: string;
  schema: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  entities: ServiceDataSourceOptions['entities'];
  migrations: ServiceDataSourceOptions['migrations'];
  relayEnabled: boolean;
  logLevel: LogLevel;
  extraHealthChecks?: HealthCheck[];
}

/** Starts the outbox relay after the app is up; stops relay, bus and database on shutdown, in that order. */
@Injectable()
export class InfrastructureLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay | null,
  ) {}

  onModuleInit(): void {
    this.relay?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.bus.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Providers for a service's own schema, its Kafka bus, its outbox relay and its health checks. */
export function infrastructureProviders(options: InfrastructureOptions): Provider[] {
  const logger = new JsonLogger(options.service, options.logLevel);
  return [
    { provide: INFRA_OPTIONS, useValue: options },
    {
      provide: DATA_SOURCE,
      useFactory: async () => {
        const entities = [...(options.entities as unknown[]), ...MESSAGING_ENTITIES] as ServiceDataSourceOptions['entities'];
        const dataSource = createServiceDataSource({ url: options.databaseUrl, schema: options.schema, entities, migrations: options.migrations, applicationName: options.service });
        return dataSource.initialize();
      },
    },
    {
      provide: MESSAGE_BUS,
      useFactory: async () => {
        const bus = createKafkaBus({ brokers: options.kafkaBrokers, clientId: options.service, logger });
        await bus.connect();
        return bus;
      },
    },
    {
      provide: OUTBOX_RELAY,
      inject: [DATA_SOURCE, MESSAGE_BUS],
      useFactory: (dataSource: DataSource, bus: MessageBus) =>
        options.relayEnabled ? new OutboxRelay({ dataSource, publisher: bus, logger }) : null,
    },
    {
      provide: HEALTH_CHECKS,
      inject: [DATA_SOURCE, MESSAGE_BUS],
      useFactory: (dataSource: DataSource, bus: MessageBus): HealthCheck[] => [
        { name: 'database', check: () => dataSource.query('SELECT 1') },
        { name: 'kafka', check: () => bus.checkHealth() },
        ...(options.extraHealthChecks ?? []),
      ],
    },
    InfrastructureLifecycle,
  ];
}
