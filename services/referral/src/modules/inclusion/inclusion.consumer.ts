import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { TOPICS } from '@prp/contracts';
import { idempotent, type MessageBus, type Subscription } from '@prp/messaging';
import { DATA_SOURCE, MESSAGE_BUS } from '@prp/service-kit';
import { REFERRAL_CONFIG, type ReferralConfig } from '../../config/referral.config';
import { AssignmentService } from '../assignment/assignment.service';
import { todayInShanghai } from '../shared/dates';
import { inclusionEffect } from './open-record';

/** Consumes `case.decided` from the case topic: each INCLUDED household gets an assistance record (and helpers), once. */
@Injectable()
export class InclusionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(REFERRAL_CONFIG) private readonly config: ReferralConfig,
    private readonly assignment: AssignmentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const group = this.config.REFERRAL_CONSUMER_GROUP;
    const afterOpen = this.config.REFERRAL_AUTO_ASSIGN
      ? (manager: Parameters<AssignmentService['assignIn']>[0], caseId: string) =>
          this.assignment.assignIn(manager, caseId, todayInShanghai())
      : async () => undefined;
    this.subscription = await this.bus.subscribe({
      groupId: group,
      topics: [TOPICS.caseEvents],
      handle: idempotent(this.dataSource, group, inclusionEffect(afterOpen)),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
