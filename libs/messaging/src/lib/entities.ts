import { ProcessedEvent } from './idempotency/processed-event.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';

/** Add these to every service's data source (beside its own entities). */
export const MESSAGING_ENTITIES = [OutboxMessage, ProcessedEvent];
