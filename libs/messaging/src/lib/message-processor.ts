import { parseEnvelope, type AnyEnvelope } from '@prp/contracts';
import { retryDelayMs, toDeadLetterMessage } from './outgoing';
import type { EnvelopeHandler, MessageMeta, MessagePublisher, MessagingLogger } from './types';

export interface ProcessorOptions {
  consumerGroup: string;
  handle: EnvelopeHandler;
  publisher: MessagePublisher;
  logger: MessagingLogger;
  maxAttempts: number;
  retryBackoffMs: number;
  heartbeat: () => Promise<void>;
  isRunning: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

export class ConsumerStoppingError extends Error {
  constructor() {
    super('consumer stopping during a retry; the message will be delivered again');
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Handles one raw message. Returns when it was handled or dead-lettered (the offset may then move on).
 * A poison message (not JSON, or breaking its contract) is dead-lettered at once; a failing handler is
 * retried with backoff, then dead-lettered with its last error.
 */
export async function processMessage(value: string | null, meta: MessageMeta, options: ProcessorOptions): Promise<'handled' | 'dead-lettered'> {
  let envelope: AnyEnvelope;
  try {
    envelope = parseEnvelope(JSON.parse(value ?? ''));
  } catch (error) {
    return deadLetter(value, meta, error, options);
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await options.handle(envelope, meta);
      return 'handled';
    } catch (error) {
      if (attempt >= options.maxAttempts) return deadLetter(value, meta, error, options);
      options.logger.warn({ msg: 'message handler failed; retrying', attempt, eventId: envelope.eventId, type: envelope.type, error: (error as Error).message });
      await options.heartbeat();
      await (options.sleep ?? defaultSleep)(retryDelayMs(attempt, options.retryBackoffMs));
      if (!options.isRunning()) throw new ConsumerStoppingError();
    }
  }
}

async function deadLetter(value: string | null, meta: MessageMeta, error: unknown, options: ProcessorOptions): Promise<'dead-lettered'> {
  const message = toDeadLetterMessage({ meta, value, consumerGroup: options.consumerGroup, error });
  await options.publisher.publish([message]);
  options.logger.error({ msg: 'message dead-lettered', topic: meta.topic, partition: meta.partition, offset: meta.offset, error: (error as Error)?.message ?? String(error) });
  return 'dead-lettered';
}
