import { Kafka, Partitioners, type Message, type Producer, type TopicMessages } from 'kafkajs';
import type { DeadLetterMessage } from '../consumer/dead-letter';
import { MESSAGING_ERROR_CODES, MessagingError, withTimeout } from '../errors';
import { consoleJsonLogger, errorFields, type MessagingLogger } from '../logger';
import type { MessageBus, OutgoingMessage, SubscribeOptions, Subscription } from '../message-bus';
import { KAFKA_LOG_LEVELS, kafkaLogCreator, type KafkaLogLevel } from './kafka-logger';
import { startSubscription } from './kafka-subscription';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger?: MessagingLogger;
  /** Least severe kafkajs entry passed to the logger (default 'warn'). */
  kafkaLogLevel?: KafkaLogLevel;
  /** How long checkHealth waits for the cluster (default 5000 ms). */
  healthTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

/** Groups messages by topic, keeping their order (kafkajs sends one ordered list per topic). */
export function toTopicMessages(messages: ReadonlyArray<OutgoingMessage | DeadLetterMessage>): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const m of messages) {
    const list = byTopic.get(m.topic) ?? [];
    list.push({ key: m.key, value: m.value, headers: m.headers ?? {} });
    byTopic.set(m.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}

class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly healthKafka: Kafka;
  private readonly producer: Producer;
  private readonly logger: MessagingLogger;
  private readonly subscriptions = new Set<Subscription>();
  private connecting?: Promise<void>;

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? consoleJsonLogger;
    const common = {
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      logLevel: KAFKA_LOG_LEVELS[options.kafkaLogLevel ?? 'warn'],
      logCreator: kafkaLogCreator(this.logger),
    };
    this.kafka = new Kafka(common);
    this.healthKafka = new Kafka({ ...common, clientId: `${options.clientId}-health`, retry: { retries: 0 } });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.connecting) await this.producer.disconnect();
    this.connecting = undefined;
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    await this.send(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const publishDeadLetter = (message: DeadLetterMessage) => this.send([message]);
    const inner = await startSubscription({ kafka: this.kafka, logger: this.logger, publishDeadLetter }, options);
    const subscription: Subscription = {
      groupId: inner.groupId,
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async checkHealth(): Promise<void> {
    const timeoutMs = this.options.healthTimeoutMs ?? 5_000;
    const admin = this.healthKafka.admin();
    const probe = (async () => {
      await admin.connect();
      await admin.describeCluster();
    })();
    try {
      await withTimeout(probe, timeoutMs, () => new Error(`${timeoutMs} ms 内无应答`));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ msg: 'Kafka健康检查失败', brokers: this.options.brokers, ...errorFields(error) });
      throw new MessagingError(MESSAGING_ERROR_CODES.brokerUnreachable, `Kafka不可达（${this.options.brokers.join(',')}）：${reason}`, { cause: error });
    } finally {
      void probe.catch(() => undefined).finally(() => admin.disconnect().catch(() => undefined));
    }
  }

  private async send(messages: ReadonlyArray<OutgoingMessage | DeadLetterMessage>): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    await this.producer.sendBatch({ acks: -1, topicMessages: toTopicMessages(messages) });
  }
}

/** The platform's Kafka client: idempotent producer (acks=all, one request in flight), consumers with dead-lettering. */
export function createKafkaBus(options: KafkaBusOptions): MessageBus {
  if (options.brokers.length === 0) throw new Error('createKafkaBus: at least one broker is required');
  return new KafkaMessageBus(options);
}
