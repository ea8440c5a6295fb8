import { Kafka, logLevel, type Admin, type Consumer, type LogEntry, type Producer } from 'kafkajs';
import { processMessage } from './message-processor';
import { consoleLogger, type MessageBus, type MessagingLogger, type OutgoingMessage, type SubscribeOptions, type Subscription } from './types';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger?: MessagingLogger;
}

function kafkaLogCreator(logger: MessagingLogger) {
  return () =>
    ({ level, label, log }: LogEntry) => {
      const record = { msg: `kafka: ${log.message}`, kafkaLevel: label, broker: log['broker'], groupId: log['groupId'] };
      if (level === logLevel.ERROR) logger.error(record);
      else logger.warn(record);
    };
}

/** kafkajs behind the MessageBus interface (the only place in the platform that imports kafkajs). */
class KafkaBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private admin?: Admin;
  private readonly consumers = new Set<Consumer>();

  constructor(options: KafkaBusOptions, private readonly logger: MessagingLogger) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger),
      retry: { retries: 8, initialRetryTime: 300 },
    });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    for (const consumer of this.consumers) await consumer.disconnect().catch(() => undefined);
    this.consumers.clear();
    await this.admin?.disconnect().catch(() => undefined);
    await this.producer.disconnect();
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (!messages.length) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) break;
          const meta = { topic: batch.topic, partition: batch.partition, offset: message.offset, key: message.key?.toString() ?? null };
          await processMessage(message.value?.toString() ?? null, meta, {
            consumerGroup: options.groupId,
            handle: options.handle,
            publisher: this,
            logger: this.logger,
            maxAttempts: options.maxAttempts ?? 5,
            retryBackoffMs: options.retryBackoffMs ?? 500,
            heartbeat,
            isRunning,
          });
          resolveOffset(message.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async checkHealth(): Promise<void> {
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    await this.admin.connect();
    const cluster = await this.admin.describeCluster();
    if (!cluster.brokers.length) throw new Error('no Kafka broker available');
  }
}

export function createKafkaBus(options: KafkaBusOptions): MessageBus {
  return new KafkaBus(options, options.logger ?? consoleLogger);
}
