import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createKafkaBus, type MessageBus, type MessagingLogger, type Subscription } from '@prp/messaging';
import { createActivities } from './activities';
import { createAssistanceActivities } from './assistance-activities';
import { BRIDGE_TOPICS, createBridgeHandler } from './bridge';
import { workflowsPath } from './bundle';
import type { WorkerConfig } from './config';

export interface RunningCaseWorker {
  worker: Worker;
  client: Client;
  bus: MessageBus;
  /** Settles when the worker stops; rejects if it crashed. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface CaseWorkerOptions {
  config: WorkerConfig;
  logger: MessagingLogger;
}

/** Starts the Temporal worker (prebuilt bundle when configured) and the Kafka-to-Temporal bridge. */
export async function startCaseWorker({ config, logger }: CaseWorkerOptions): Promise<RunningCaseWorker> {
  const bus = createKafkaBus({ brokers: config.KAFKA_BROKERS, clientId: 'case-worker', logger });
  await bus.connect();
  const nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(config.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } } : { workflowsPath }),
    activities: {
      ...createActivities({ publisher: bus, identificationUrl: config.IDENTIFICATION_URL }),
      ...createAssistanceActivities({ identificationUrl: config.IDENTIFICATION_URL }),
    },
  });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const done = worker.run();
  const subscription: Subscription = await bus.subscribe({
    groupId: config.BRIDGE_CONSUMER_GROUP,
    topics: [...BRIDGE_TOPICS],
    handle: createBridgeHandler(client, config.TEMPORAL_TASK_QUEUE, logger),
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await subscription.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => undefined);
      await bus.disconnect();
      await connection.close();
      await nativeConnection.close();
    })());
  return { worker, client, bus, done, stop };
}
