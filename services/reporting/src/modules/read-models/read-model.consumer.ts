import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { TOPICS } from '@prp/contracts';
import { idempotent, type MessageBus, type Subscription } from '@prp/messaging';
import { DATA_SOURCE, MESSAGE_BUS } from '@prp/service-kit';
import { REPORTING_CONFIG, type ReportingConfig } from '../../config/reporting.config';
import { projectEvent } from './project-event';

/** Consumes every topic into the read models; each event is applied once. */
@Injectable()
export class ReadModelConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const group = this.config.REPORTING_CONSUMER_GROUP;
    this.subscription = await this.bus.subscribe({
      groupId: group,
      topics: [TOPICS.caseEvents, TOPICS.deadlineEvents, TOPICS.assistanceEvents],
      handle: idempotent(this.dataSource, group, projectEvent),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
