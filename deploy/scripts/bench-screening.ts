// `npm run bench:screening [-- <households>]`: a screening campaign of 100,000 households through the real intake
// code (Nest app in process, HTTP inject, BENCH_BATCH=10000 households per request, BENCH_CLIENTS=2 requests in
// flight) on a throwaway schema of prp_dev, the CPU each side spent, then the raw PostgreSQL COPY rate of the same
// rows. BENCH_RUNS=<n> runs n campaigns one after another, each on a fresh schema, and adds their median. Prints
// figures only.
import 'reflect-metadata';
import { randomUUID } from 'crypto';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { availableParallelism } from 'os';
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { createServiceDataSource, migrate, redact } from '@prp/persistence';
import { DATA_SOURCE } from '@prp/service-kit';
import {
  IDENTIFICATION_CONFIG,
  loadIdentificationConfig,
} from '../../services/identification/src/config/identification.config';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS } from '../../services/identification/src/database';
import { CalendarService } from '../../services/identification/src/modules/calendar/calendar.service';
import { CampaignsController } from '../../services/identification/src/modules/campaigns/campaigns.controller';
import { CampaignsService } from '../../services/identification/src/modules/campaigns/campaigns.service';
import { BatchIntakeService } from '../../services/identification/src/modules/cases/batch-intake/batch-intake.service';
import { BatchPreparer } from '../../services/identification/src/modules/cases/batch-intake/batch-preparer';
import { PolicyProfileProvider } from '../../services/identification/src/modules/policy/policy-profile.provider';
import { PolicyService } from '../../services/identification/src/modules/policy/policy.service';
import { benchHousehold, BENCH_AREAS, BENCH_COUNTY, BENCH_VILLAGES } from './bench-households';

const url = process.env['DATABASE_URL'] ?? 'postgres://prp:prp@127.0.0.1:55432/prp_dev';
const schema = 'identification_bench';
const total = Number(process.argv[2] ?? 100_000);
const BATCH = Number(process.env['BENCH_BATCH'] ?? 10_000);
/** Township systems importing at the same time (requests in flight). */
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 2);
/** Campaigns run one after another, each on a schema made afresh. */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 1);

async function startApp(dataSource: DataSource): Promise<NestFastifyApplication> {
  const config = loadIdentificationConfig({
    ...process.env,
    DATABASE_URL: url,
    PII_SECRET: randomUUID() + randomUUID(),
  });
  @Module({
    controllers: [CampaignsController],
    providers: [
      { provide: DATA_SOURCE, useValue: dataSource },
      { provide: IDENTIFICATION_CONFIG, useValue: config },
      CalendarService,
      PolicyService,
      PolicyProfileProvider,
      BatchPreparer,
      BatchIntakeService,
      CampaignsService,
    ],
  })
  class BenchModule {}
  const adapter = new FastifyAdapter({ bodyLimit: 256 * 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, adapter, { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function prepareSchema(): Promise<DataSource> {
  const options = {
    url,
    schema,
    entities: [...IDENTIFICATION_ENTITIES, ...MESSAGING_ENTITIES],
    migrations: IDENTIFICATION_MIGRATIONS,
    applicationName: 'bench',
  };
  const admin = await createServiceDataSource(options).initialize();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.destroy();
  await migrate(options);
  const dataSource = await createServiceDataSource(options).initialize();
  for (const a of BENCH_AREAS)
    await dataSource.query(`INSERT INTO area (code, name, level, parent_code) VALUES ($1, $2, $3, $4)`, a);
  return dataSource;
}

/**
 * The client's part (generating the households and serialising each request body to UTF-8 bytes, as they
 * arrive from a socket) is done before the clock starts: the figure is what the platform takes, from HTTP body
 * parsing to committed rows.
 */
async function runCampaign(
  app: NestFastifyApplication,
): Promise<{ id: string; seconds: number; nodeCpu: number; pgCpu: number; mainBusy: number }> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: { kind: 'FULL', quarter: '2026Q4', areaCodes: [BENCH_COUNTY] },
  });
  const id = created.json<{ id: string }>().id;
  const bodies: Buffer[] = [];
  for (let offset = 0; offset < total; offset += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, total - offset) }, (_, i) =>
      benchHousehold(offset + i, BENCH_VILLAGES),
    );
    bodies.push(Buffer.from(JSON.stringify({ records }))); // the bytes a township system sends
  }
  const profiler = await startProfile();
  const started = process.hrtime.bigint();
  const nodeBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  const pgBefore = postgresCpuSeconds();
  let next = 0;
  const client = async () => {
    for (let n = next++; n < bodies.length; n = next++) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/campaigns/${id}/households`,
        headers: { 'content-type': 'application/json' },
        payload: bodies[n],
      });
      if (response.statusCode !== 200)
        throw new Error(`import failed ${response.statusCode}: ${response.body.slice(0, 500)}`);
      const rejected = response
        .json<{ verdicts: { status: string }[] }>()
        .verdicts.find((v) => v.status === 'REJECTED');
      if (rejected && n === 0) console.log(`first rejected record: ${JSON.stringify(rejected)}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const node = process.cpuUsage(nodeBefore);
  await profiler?.();
  const nodeCpu = (node.user + node.system) / 1e6;
  const mainBusy = performance.eventLoopUtilization(loopBefore).utilization;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { id, seconds, nodeCpu, pgCpu: postgresCpuSeconds() - pgBefore, mainBusy };
}

/**
 * With BENCH_CPU_PROFILE=<file>, a V8 CPU profile of the campaign alone (main thread); with
 * BENCH_HEAP_PROFILE=<file>, where the campaign allocates (sampled, garbage included). Both open in Chrome
 * DevTools. Returns the function that stops them and writes the files.
 */
async function startProfile(): Promise<(() => Promise<void>) | undefined> {
  const cpuFile = process.env['BENCH_CPU_PROFILE'];
  const heapFile = process.env['BENCH_HEAP_PROFILE'];
  if (!cpuFile && !heapFile) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  if (cpuFile) {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
  }
  if (heapFile) {
    await post('HeapProfiler.enable');
    const sampling = {
      samplingInterval: 16_384,
      includeObjectsCollectedByMajorGC: true,
      // BENCH_HEAP_SURVIVORS=1: only what outlives the young generation (what its collections copy and promote).
      includeObjectsCollectedByMinorGC: process.env['BENCH_HEAP_SURVIVORS'] !== '1',
    };
    await post('HeapProfiler.startSampling', sampling);
  }
  return async () => {
    if (cpuFile) {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      writeFileSync(cpuFile, JSON.stringify(profile));
      console.log(`CPU profile of the campaign written to ${cpuFile}`);
    }
    if (heapFile) {
      const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: object };
      writeFileSync(heapFile, JSON.stringify(profile));
      console.log(`allocation profile of the campaign written to ${heapFile}`);
    }
    session.disconnect();
  };
}

/** CPU seconds used so far by every `postgres` process on this machine (the server is local; Linux /proc). */
function postgresCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

/**
 * The same rows again, as raw PostgreSQL takes them at best: every household_case, household_member and
 * outbox row the campaign wrote is read back as COPY text and copied into a twin of its table with the same
 * indexes, 1,000 households per transaction (the three tables' rows of those households), with no screening,
 * validation, encryption or lookups. Returns households per second.
 */
async function rawInsertRate(dataSource: DataSource, campaignId: string): Promise<number> {
  const households = `SELECT id FROM household_case WHERE campaign_id = '${campaignId}'`;
  const tables = [
    { name: 'household_case', key: 'id', where: `campaign_id = '${campaignId}'` },
    { name: 'household_member', key: 'case_id', where: `case_id IN (${households})` },
    {
      name: 'outbox_message',
      key: 'message_key::uuid',
      where: `message_key IN (SELECT id::text FROM household_case WHERE campaign_id = '${campaignId}')`,
    },
  ];
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const ids: string[] = (await client.query(`${households} ORDER BY id`)).rows.map((row: { id: string }) => row.id);
    const bounds = ids.filter((_, i) => i % 1_000 === 0).slice(1);
    const chunks: string[][] = ids.length === 0 ? [] : Array.from({ length: bounds.length + 1 }, () => []);
    for (const table of tables) {
      await client.query(
        `CREATE TABLE bench_raw_${table.name} (LIKE ${table.name} INCLUDING DEFAULTS INCLUDING INDEXES)`,
      );
      const lines = (
        await readCopy(client, `SELECT ${table.key}::text, t.* FROM ${table.name} t WHERE ${table.where} ORDER BY 1`)
      ).split('\n');
      const parts: string[][] = chunks.map(() => []);
      let chunk = 0;
      for (const line of lines) {
        if (line === '') continue;
        const tab = line.indexOf('\t');
        while (chunk < bounds.length && line.slice(0, tab) >= bounds[chunk]) chunk++;
        parts[chunk].push(line.slice(tab + 1));
      }
      parts.forEach((part, i) => chunks[i].push(`${table.name}\n${part.join('\n')}\n`));
    }
    const started = process.hrtime.bigint();
    for (const chunk of chunks) {
      await client.query('BEGIN');
      for (const text of chunk) {
        const table = text.slice(0, text.indexOf('\n'));
        await writeCopy(client, `COPY bench_raw_${table} FROM STDIN`, text.slice(table.length + 1));
      }
      await client.query('COMMIT');
    }
    return ids.length / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await runner.release();
  }
}

async function readCopy(client: PoolClient, query: string): Promise<string> {
  const parts: Buffer[] = [];
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function writeCopy(client: PoolClient, statement: string, text: string): Promise<void> {
  if (text.trim() === '') return;
  const stream = client.query(copyFrom(statement));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(text);
  });
}

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer, not ${RUNS}`);
  console.log(`bench: ${total} households, ${redact(url)} schema ${schema}`);
  const rates: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    if (RUNS > 1) console.log(`\nrun ${run} of ${RUNS}`);
    rates.push(await benchOnce());
  }
  if (RUNS > 1) {
    const sorted = [...rates].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
    console.log(
      `\n${RUNS} campaigns: ${rates.map((r) => r.toFixed(0)).join(', ')} households/s; ` +
        `lowest ${sorted[0].toFixed(0)}, median ${median.toFixed(0)}, highest ${sorted[sorted.length - 1].toFixed(0)}`,
    );
  }
}

/** One campaign on a fresh schema, its figures printed; returns its households per second. */
async function benchOnce(): Promise<number> {
  const dataSource = await prepareSchema();
  const app = await startApp(dataSource);
  try {
    const { id, seconds, nodeCpu, pgCpu, mainBusy } = await runCampaign(app);
    const progress = (await app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}` })).json<{ progress: object }>()
      .progress;
    const [{ cases, members, events }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM household_case WHERE status = 'SUSPECTED')::int AS cases,
              (SELECT count(*) FROM household_member)::int AS members, (SELECT count(*) FROM outbox_message)::int AS events`,
    );
    console.log(`campaign: ${(total / seconds).toFixed(0)} households/s end to end (${seconds.toFixed(1)} s)`);
    const perHousehold = (cpu: number) => ((cpu * 1e6) / total).toFixed(0);
    console.log(
      `CPU during the campaign: this Node process ${nodeCpu.toFixed(1)} s (${perHousehold(nodeCpu)} µs per household), ` +
        `PostgreSQL ${pgCpu.toFixed(1)} s (${perHousehold(pgCpu)} µs per household, all server processes)`,
    );
    // Node and PostgreSQL share the machine's cores: their CPU per household bounds the rate whatever the split.
    const cores = availableParallelism();
    console.log(
      `with ${cores} cores, that CPU allows at most ${((cores * total) / (nodeCpu + pgCpu)).toFixed(0)} households/s ` +
        `if every core were busy all the time`,
    );
    const mainMicros = (mainBusy * seconds * 1e6) / total;
    console.log(
      `Node main thread busy ${(100 * mainBusy).toFixed(0)}% of the campaign (${mainMicros.toFixed(0)} µs per household; ` +
        `the rest of the Node figure is the PII worker thread, the garbage collector's helper threads and I/O)`,
    );
    console.log(`progress: ${JSON.stringify(progress)}`);
    console.log(`suspected cases: ${cases}, members stored: ${members}, case.submitted in outbox: ${events}`);
    const raw = await rawInsertRate(dataSource, id);
    console.log(
      `raw PostgreSQL COPY of the same rows into tables with the same indexes (cases, members, outbox): ${raw.toFixed(0)} households/s`,
    );
    console.log(`campaign throughput is ${((100 * total) / seconds / raw).toFixed(0)}% of the raw insert rate`);
    return total / seconds;
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
