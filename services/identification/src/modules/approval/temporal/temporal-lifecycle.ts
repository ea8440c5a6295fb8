import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TEMPORAL_GATEWAY } from '../approval.di-tokens';
import type { TemporalGateway } from './temporal-gateway';

/** Closes the Temporal connection when the application stops. */
@Injectable()
export class TemporalLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_GATEWAY) private readonly gateway: TemporalGateway) {}

  async onApplicationShutdown(): Promise<void> {
    await this.gateway.close();
  }
}
