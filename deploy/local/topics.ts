// Creates the topics listed in libs/contracts (automatic topic creation is off). Idempotent.
import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS } from '../../libs/contracts/src/lib/topics';

async function main(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',');
  const admin = new Kafka({ clientId: 'prp-topics', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = ALL_TOPICS.filter((t) => !existing.has(t.name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
      });
    }
    console.log(`  topics: ${missing.length ? `created ${missing.map((t) => t.name).join(', ')}` : `all ${ALL_TOPICS.length} present`}`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error('topic creation failed:', error);
  process.exit(1);
});
