import type { AnyEnvelope } from '@prp/contracts';

/** A message as it goes to the broker: already serialised, keyed by case id. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface MessagePublisher {
  /** Resolves once the broker acknowledged every message (all in-sync replicas). */
  publish(messages: OutgoingMessage[]): Promise<void>;
}

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

export type EnvelopeHandler = (envelope: AnyEnvelope, meta: MessageMeta) => Promise<void>;

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  handle: EnvelopeHandler;
  /** Attempts before a failing message is dead-lettered (default 5). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to 30 s (default 500 ms). */
  retryBackoffMs?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface MessageBus extends MessagePublisher {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Throws when the broker does not answer a metadata request in time. */
  checkHealth(): Promise<void>;
}

export interface MessagingLogger {
  log(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
}

export const consoleLogger: MessagingLogger = {
  log: (m) => console.log(JSON.stringify(m)),
  warn: (m) => console.warn(JSON.stringify(m)),
  error: (m) => console.error(m instanceof Error ? m : JSON.stringify(m)),
};
