import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { TOPICS, type AnyEnvelope } from '@prp/contracts';
import { idempotent, type MessageBus, type MessageHandler, type Subscription } from '@prp/messaging';
import { DATA_SOURCE, MESSAGE_BUS } from '@prp/service-kit';
import { VISIT_FEEDBACK_CONSUMER_GROUP } from './visit-feedback.di-tokens';
import { visitFinding } from './visit-findings';
import { VisitFeedbackService } from './visit-feedback.service';

/**
 * Consumes `visit.recorded` from the assistance topic. Each event is applied once per consumer group (the
 * processed-event row shares the transaction of the ledger writes); a poison message goes to the dead-letter
 * topic with its error (libs/messaging). Other assistance events, and visits without new risk points, are
 * skipped without a processed-event row.
 */
@Injectable()
export class VisitFeedbackConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(VISIT_FEEDBACK_CONSUMER_GROUP) private readonly group: string,
    private readonly feedback: VisitFeedbackService,
  ) {}

  /** The subscription's handler (exposed for tests that drive it without Kafka). */
  handler(): MessageHandler {
    const once = idempotent(this.dataSource, this.group, async (manager, envelope) => {
      await this.feedback.apply(manager, envelope);
    });
    return (envelope: AnyEnvelope, meta) => (visitFinding(envelope) ? once(envelope, meta) : Promise.resolve());
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      groupId: this.group,
      topics: [TOPICS.assistanceEvents],
      handle: this.handler(),
      // Upgrading a BLUE household needs Temporal: ride out a short outage (about 80 s) before dead-lettering.
      maxAttempts: 10,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
