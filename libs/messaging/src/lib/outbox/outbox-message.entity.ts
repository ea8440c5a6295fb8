import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to be published (or already published). Written in the same transaction as the
 * state change it describes; the relay publishes rows in `seq` order.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['seq'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** bigint: the pg driver returns it as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq' })
  seq!: string;

  @Column({ type: 'uuid', name: 'event_id', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text', name: 'message_key' })
  messageKey!: string;

  @Column({ type: 'text', name: 'event_type' })
  eventType!: string;

  @Column({ type: 'jsonb' })
  envelope!: Record<string, unknown>;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;
}
