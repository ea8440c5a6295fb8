import { MESSAGING_ERROR_CODES } from '../errors';
import { errorFields, type MessagingLogger } from '../logger';
import type { MessageHandler } from '../message-bus';
import { buildDeadLetterRecord, describeError, toDeadLetterMessage, type DeadLetterMessage, type IncomingMessage } from './dead-letter';
import { decodeEnvelope } from './decode';
import { backoffDelay, decideAfterFailure, type RetryPolicy } from './retry-policy';

/** handled / dead-lettered: the offset may be resolved. interrupted: the consumer is stopping; leave it unresolved. */
export type ProcessOutcome = 'handled' | 'dead-lettered' | 'interrupted';

/** Everything the processor needs from the client library; kafkajs-free so it can be unit tested. */
export interface ProcessingContext {
  consumerGroup: string;
  handle: MessageHandler;
  policy: RetryPolicy;
  publishDeadLetter(message: DeadLetterMessage): Promise<void>;
  heartbeat(): Promise<void>;
  /** False once the consumer stops or the partition was reassigned/seeked. */
  isActive(): boolean;
  /** Waits, but returns early when the consumer stops. */
  sleep(ms: number): Promise<void>;
  logger: MessagingLogger;
  now?: () => Date;
}

/** Longest stretch between two heartbeats while waiting for a retry. */
const HEARTBEAT_SLICE_MS = 1_000;

/** Waits `ms` in slices, heartbeating between them; false if the consumer stopped meanwhile. */
export async function waitActive(ms: number, ctx: ProcessingContext): Promise<boolean> {
  let remaining = ms;
  while (remaining > 0 && ctx.isActive()) {
    const slice = Math.min(remaining, HEARTBEAT_SLICE_MS);
    await ctx.sleep(slice);
    remaining -= slice;
    if (ctx.isActive()) await ctx.heartbeat();
  }
  return ctx.isActive();
}

function location(message: IncomingMessage, ctx: ProcessingContext) {
  return { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key, consumerGroup: ctx.consumerGroup };
}

/** Publishes the dead letter, retrying until it is acknowledged: a message is never dropped unrecorded. */
async function deadLetter(message: IncomingMessage, error: unknown, fallbackCode: string, ctx: ProcessingContext): Promise<ProcessOutcome> {
  const record = buildDeadLetterRecord(message, ctx.consumerGroup, describeError(error, fallbackCode), ctx.now?.());
  const outgoing = toDeadLetterMessage(record, message.headers);
  ctx.logger.warn({ msg: '消息转入死信队列', ...location(message, ctx), errorCode: record.error.code, error: record.error.message });
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.publishDeadLetter(outgoing);
      return 'dead-lettered';
    } catch (publishError) {
      ctx.logger.error({ msg: '死信发布失败，稍后重试', ...location(message, ctx), attempt, ...errorFields(publishError) });
      if (!(await waitActive(backoffDelay(ctx.policy, attempt), ctx))) return 'interrupted';
    }
  }
}

async function handleWithRetry(message: IncomingMessage, ctx: ProcessingContext, run: () => Promise<void>): Promise<ProcessOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return 'handled';
    } catch (error) {
      const decision = decideAfterFailure(ctx.policy, attempt, error);
      if (decision.action === 'dead-letter') return deadLetter(message, withAttempts(error, attempt), MESSAGING_ERROR_CODES.handlerFailed, ctx);
      ctx.logger.warn({ msg: '消息处理失败，将重试', ...location(message, ctx), attempt, delayMs: decision.delayMs, ...errorFields(error) });
      await ctx.heartbeat();
      if (!(await waitActive(decision.delayMs, ctx))) return 'interrupted';
    }
  }
}

/** Keeps the handler's code and issues, and says in the message how often it was tried. */
function withAttempts(error: unknown, attempts: number): unknown {
  const info = describeError(error, MESSAGING_ERROR_CODES.handlerFailed);
  return Object.assign(new Error(`消息处理失败（已尝试${attempts}次）：${info.message}`), { code: info.code, issues: info.issues });
}

/** Decodes, validates and handles one message; poison goes straight to the dead-letter topic. */
export async function processMessage(message: IncomingMessage, ctx: ProcessingContext): Promise<ProcessOutcome> {
  const decoded = decodeEnvelope(message.value);
  if (!decoded.ok) return deadLetter(message, decoded.error, MESSAGING_ERROR_CODES.invalidJson, ctx);
  const meta = { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key };
  return handleWithRetry(message, ctx, () => ctx.handle(decoded.envelope, meta));
}
