// Creates the Kafka topics declared in libs/contracts (the broker's automatic topic creation is off).
// Idempotent: creates missing topics (replication factor 1) and adds partitions to a topic that has fewer
// than declared; prints what it changed. Run from the repo root: node_modules/.bin/tsx deploy/local/topics.ts
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ALL_TOPICS } from '../../libs/contracts/src/lib/topics';

type TopicSpec = { name: string; partitions: number };

async function createMissing(admin: Admin, wanted: readonly TopicSpec[], existing: Set<string>): Promise<string[]> {
  const missing = wanted.filter((t) => !existing.has(t.name));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
  });
  return missing.map((t) => `created ${t.name} (${t.partitions} partitions)`);
}

async function growPartitions(admin: Admin, wanted: readonly TopicSpec[], existing: Set<string>): Promise<string[]> {
  const present = wanted.filter((t) => existing.has(t.name));
  if (present.length === 0) return [];
  const { topics } = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
  const counts = new Map(topics.map((t) => [t.name, t.partitions.length]));
  const short = present.filter((t) => (counts.get(t.name) ?? 0) < t.partitions);
  if (short.length === 0) return [];
  await admin.createPartitions({ topicPartitions: short.map((t) => ({ topic: t.name, count: t.partitions })) });
  return short.map((t) => `grew ${t.name} from ${counts.get(t.name)} to ${t.partitions} partitions`);
}

async function main(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',');
  const admin = new Kafka({ clientId: 'prp-topics', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const changes = [
      ...(await createMissing(admin, ALL_TOPICS, existing)),
      ...(await growPartitions(admin, ALL_TOPICS, existing)),
    ];
    for (const change of changes) console.log(`  topics: ${change}`);
    if (changes.length === 0) console.log(`  topics: all ${ALL_TOPICS.length} present`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error('  topic creation failed:', error);
  process.exit(1);
});
