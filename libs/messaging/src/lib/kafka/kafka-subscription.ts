import type { EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { DeadLetterMessage, IncomingMessage } from '../consumer/dead-letter';
import { processMessage, type ProcessingContext } from '../consumer/message-processor';
import { retryPolicy } from '../consumer/retry-policy';
import { errorFields, type MessagingLogger } from '../logger';
import type { SubscribeOptions, Subscription } from '../message-bus';

export interface SubscriptionDeps {
  kafka: Kafka;
  logger: MessagingLogger;
  publishDeadLetter(message: DeadLetterMessage): Promise<void>;
}

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString() : null,
    value: message.value ? message.value.toString('utf8') : null,
    headers: headersToStrings(message.headers),
  };
}

/** An interruptible sleep: stop() wakes every pending wait so shutdown never waits out a backoff. */
class Sleeper {
  private readonly wakers = new Set<() => void>();
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
  wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }
}

type BatchContext = Omit<ProcessingContext, 'heartbeat' | 'isActive'> & { isStopping(): boolean };

/** eachBatch: one message at a time; its offset is resolved only once it was handled or dead-lettered. */
function batchHandler(base: BatchContext) {
  return async (payload: EachBatchPayload): Promise<void> => {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const ctx: ProcessingContext = { ...base, heartbeat, isActive: () => !base.isStopping() && isRunning() && !isStale() };
    for (const message of batch.messages) {
      if (!ctx.isActive()) break;
      const outcome = await processMessage(toIncoming(batch.topic, batch.partition, message), ctx);
      if (outcome === 'interrupted') break;
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  };
}

/** Starts one consumer group member, reading new groups from the earliest offset. */
export async function startSubscription(deps: SubscriptionDeps, options: SubscribeOptions): Promise<Subscription> {
  const { groupId } = options;
  const consumer = deps.kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const sleeper = new Sleeper();
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const eachBatch = batchHandler({
    consumerGroup: groupId,
    handle: options.handle,
    policy: retryPolicy(options),
    publishDeadLetter: deps.publishDeadLetter,
    sleep: (ms) => sleeper.sleep(ms),
    logger: deps.logger,
    isStopping: () => stopping,
  });
  consumer.on(consumer.events.CRASH, ({ payload }) =>
    deps.logger.error({ msg: 'Kafka消费者崩溃', groupId, restart: payload.restart, ...errorFields(payload.error) }),
  );
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: options.topics, fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, autoCommitInterval: 1_000, eachBatch });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  deps.logger.log({ msg: 'Kafka订阅已启动', groupId, topics: options.topics });
  const stop = async () => {
    stopping = true;
    sleeper.wakeAll();
    await consumer.disconnect();
    deps.logger.log({ msg: 'Kafka订阅已停止', groupId });
  };
  return { groupId, stop: () => (stopped ??= stop()) };
}
