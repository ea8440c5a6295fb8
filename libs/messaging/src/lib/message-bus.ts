import type { AnyEnvelope } from '@prp/contracts';

/** One message to publish. The value is the serialized body (JSON for every contract event). */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface MessagePublisher {
  /** Publishes in order (per topic and key); resolves once every message is acknowledged by all in-sync replicas. */
  publish(messages: OutgoingMessage[]): Promise<void>;
}

/** Where a consumed message came from. */
export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

export type MessageHandler = (envelope: AnyEnvelope, meta: MessageMeta) => Promise<void>;

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  handle: MessageHandler;
  /** Attempts before a failing message is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Backoff before the first retry; doubles per attempt up to 30 s (default 200 ms). */
  retryBackoffMs?: number;
}

export interface Subscription {
  readonly groupId: string;
  /** Finishes the message in hand (or abandons its retries unresolved), commits, leaves the group. */
  stop(): Promise<void>;
}

export interface MessageBus extends MessagePublisher {
  connect(): Promise<void>;
  /** Stops every subscription, then disconnects the producer. */
  disconnect(): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Throws MessagingError `MESSAGING.BROKER_UNREACHABLE` if the cluster does not answer in time. */
  checkHealth(): Promise<void>;
}
