// Proves the platform's Kafka client (kafkajs 2.2.4) works against the local broker, the way libs/messaging
// uses it: admin creates a topic, an idempotent producer sends keyed messages, a consumer GROUP reads them
// with eachBatch (manual resolve, heartbeats, committed offsets), a second member of the group resumes from
// the committed offsets, then the topic is deleted. Exit 0 = every step passed.
//   node deploy/local/kafka-smoke.js            (uses KAFKA_BROKERS, default 127.0.0.1:19092)
'use strict';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const { Kafka, logLevel } = require('kafkajs');

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(',');
const run = `${Date.now().toString(36)}-${process.pid}`;
const topic = `prp.smoke.${run}`;
const groupId = `prp-smoke-${run}`;
const keys = ['case-a', 'case-b', 'case-c', 'case-d'];
const perKey = 25;
const kafka = new Kafka({ clientId: 'prp-kafka-smoke', brokers, logLevel: logLevel.WARN, retry: { retries: 8 } });

function step(text) {
  console.log(`  ok  ${text}`);
}

function fail(text) {
  throw new Error(text);
}

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function createTopic(admin) {
  const created = await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
  });
  if (!created) fail(`topic ${topic} already existed`);
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  if (meta.topics[0].partitions.length !== 3) fail('topic does not have 3 partitions');
  step(`admin: created ${topic} with 3 partitions (cluster ${(await admin.describeCluster()).clusterId})`);
}

async function produce() {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const messages = [];
  for (let i = 0; i < perKey; i += 1) {
    for (const key of keys) messages.push({ key, value: JSON.stringify({ key, seq: i }) });
  }
  await producer.send({ topic, acks: -1, messages: messages.slice(0, 20) });
  await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(20) }] });
  await producer.disconnect();
  step(`idempotent producer: sent ${messages.length} keyed messages (send + sendBatch, acks=all)`);
  return messages.length;
}

// One group member reads until `expected` messages arrived; checks per-key order; commits what it resolved.
async function consume(expected, label) {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });
  const seen = new Map();
  let count = 0;
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise((resolve, reject) => {
    if (expected === 0) setTimeout(resolve, 3000); // nothing must arrive: watch for a while
    consumer
      .run({
        eachBatchAutoResolve: false,
        autoCommitInterval: 500,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
          for (const message of batch.messages) {
            const { key, seq } = JSON.parse(message.value.toString());
            if (key !== message.key.toString()) reject(new Error('key/value mismatch'));
            if ((seen.get(key) ?? -1) + 1 !== seq) reject(new Error(`out of order for ${key}: ${seq}`));
            seen.set(key, seq);
            count += 1;
            resolveOffset(message.offset);
            await heartbeat();
          }
          await commitOffsetsIfNecessary();
          if (expected === 0 && count > 0) reject(new Error(`re-read ${count} committed messages`));
          if (expected > 0 && count >= expected) resolve();
        },
      })
      .catch(reject);
  });
  await withTimeout(done, 30000, `${label} consumer`);
  await consumer.commitOffsets([]).catch(() => undefined);
  await consumer.disconnect();
  if (!joined) fail(`${label}: consumer never joined group ${groupId}`);
  step(`consumer group ${label}: joined, read ${count} message(s) with eachBatch + heartbeat, in key order`);
}

async function checkCommitted(admin, total) {
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const committed = offsets[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0);
  if (committed !== total) fail(`committed offsets sum to ${committed}, expected ${total}`);
  step(`admin: group ${groupId} committed offsets sum to ${committed}`);
}

async function main() {
  console.log(`kafka smoke test against ${brokers.join(',')}`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopic(admin);
    const total = await produce();
    await consume(total, 'first member');
    await checkCommitted(admin, total);
    await consume(0, 'second member (resumes at committed offsets)');
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch((error) => console.error('  !! delete failed', error.message));
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  step(`admin: deleted ${topic}`);
  console.log('kafka smoke test passed');
}

main().catch((error) => {
  console.error(`kafka smoke test FAILED: ${error.stack || error}`);
  process.exit(1);
});
