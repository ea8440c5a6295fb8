import { execFile } from 'child_process';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Connection } from '@temporalio/client';
import { assistanceStateQuery, assistanceWorkflowId, type AssistanceWorkflowState } from '@prp/contracts';
import { testStackEnv, waitFor } from '@prp/testing';
import { request, type JsonResponse } from './fixtures';

/** One message as a plain Kafka client sees it: key and value as text. */
export interface TopicMessage {
  topic: string;
  key: string | null;
  value: string;
}

/** Admin token of the referral service: the one the e2e processes inherit (deploy/local/env.sh exports it). */
export function referralAdminToken(): string {
  const token = process.env['REFERRAL_ADMIN_TOKEN'];
  if (!token || token.length < 24) {
    throw new Error('REFERRAL_ADMIN_TOKEN (≥ 24 characters) is not set: run `source deploy/local/env.sh` first');
  }
  return token;
}

/** Issues a department API key through the admin endpoint. */
export async function issueDepartmentKey(referral: string, department: string): Promise<string> {
  const res = await request(
    'POST',
    `${referral}/api/v1/admin/department-keys`,
    { department, label: `${department} e2e 部门系统` },
    { 'x-admin-token': referralAdminToken() },
  );
  if (res.status !== 201)
    throw new Error(`department key for ${department} refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body['apiKey'] as string;
}

export const asDepartment = (apiKey: string) => ({ 'x-api-key': apiKey });

/** Calls a department endpoint of the referral service with the department's key. */
export function departmentCall(
  referral: string,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  return request(method, `${referral}/api/v1/departments${path}`, body, asDepartment(apiKey));
}

/**
 * Waits until the consumer group has handled everything on the topic. A new group replays the whole case
 * topic (households of earlier runs in the same village); helpers registered before it caught up could be
 * handed to those old households instead of this run's.
 */
export async function waitForConsumerGroup(groupId: string, topic: string, timeoutMs = 90_000): Promise<void> {
  const kafka = new Kafka({ clientId: 'e2e-lag', brokers: testStackEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return ends.every((end) => {
          const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          return Number(end.high) === 0 || Number(at) >= Number(end.high);
        });
      },
      { timeoutMs, intervalMs: 500, description: `consumer group ${groupId} to catch up on ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}

const KCAT_MISSING =
  'kcat is not installed: the local stack installs it from Debian (`bash deploy/local/stack.sh prepare`, or `apt-get install -y kcat`)';

/** Fails at once, with what to do, when kcat is not on the PATH (the test never skips it silently). */
export async function requireKcat(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile('kcat', ['-V'], { timeout: 10_000 }, (error) => {
      if (error)
        reject(
          new Error(
            (error as NodeJS.ErrnoException).code === 'ENOENT' ? KCAT_MISSING : `kcat -V failed: ${error.message}`,
          ),
        );
      else resolve();
    });
  });
}

/** Reads a topic from the beginning to its current end with kcat (Debian package `kcat`), one JSON line per message. */
export async function readTopicWithKcat(broker: string, topic: string): Promise<TopicMessage[]> {
  const args = ['-b', broker, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-J'];
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile('kcat', args, { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 }, (error, out, err) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error(KCAT_MISSING));
      } else if (error) reject(new Error(`kcat ${args.join(' ')} failed: ${error.message} ${err}`));
      else resolve(out);
    });
  });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = JSON.parse(line) as { topic: string; key: string | null; payload: string | null };
      return { topic: m.topic, key: m.key, value: m.payload ?? '' };
    });
}

/** Collects every message of the given topics from the beginning with a plain kafkajs consumer. */
export async function collectTopics(groupId: string, topics: string[]) {
  const kafka = new Kafka({ clientId: 'e2e-reader', brokers: testStackEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId });
  const seen: TopicMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      seen.push({ topic, key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' });
    },
  });
  return { seen, stop: () => consumer.disconnect() };
}

/** A Temporal client on the test namespace the e2e case worker runs in. */
export async function temporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const stack = testStackEnv();
  const connection = await Connection.connect({ address: stack.temporalAddress });
  return { client: new Client({ connection, namespace: stack.temporalNamespace }), close: () => connection.close() };
}

/** The state of workflow `assistance-<caseId>`, once `accept` is satisfied with it. */
export async function waitForAssistanceState(
  client: Client,
  caseId: string,
  accept: (state: AssistanceWorkflowState) => boolean,
  description: string,
): Promise<AssistanceWorkflowState> {
  const handle = client.workflow.getHandle(assistanceWorkflowId(caseId));
  return waitFor(
    async () => {
      const state = await handle.query(assistanceStateQuery);
      return accept(state) && state;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: `assistance-${caseId}: ${description}` },
  );
}
