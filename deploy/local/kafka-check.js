// Exits 0 when the broker answers a metadata request within 5 s (used by the health check).
const { Kafka, logLevel } = require('kafkajs');

const kafka = new Kafka({
  clientId: 'prp-stack-check',
  brokers: (process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(','),
  logLevel: logLevel.NOTHING,
  connectionTimeout: 2000,
  requestTimeout: 4000,
  retry: { retries: 0 },
});
const admin = kafka.admin();
const timer = setTimeout(() => process.exit(2), 5000);
admin
  .connect()
  .then(() => admin.describeCluster())
  .then(async (cluster) => {
    await admin.disconnect();
    clearTimeout(timer);
    process.exit(cluster.brokers.length > 0 ? 0 : 1);
  })
  .catch(() => process.exit(1));
