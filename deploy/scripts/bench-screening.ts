// `npm run bench:screening [-- <households>]`: a screening campaign of 100,000 households through the real intake
// code (Nest app in process, HTTP inject, batches of 10,000) on a throwaway schema of prp_dev, then the raw
// PostgreSQL multi-row insert rate of the same rows. Prints figures only.
import 'reflect-metadata';
import { randomUUID } from 'crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { createServiceDataSource, migrate, redact } from '@prp/persistence';
import { DATA_SOURCE } from '@prp/service-kit';
import { IDENTIFICATION_CONFIG, loadIdentificationConfig } from '../../services/identification/src/config/identification.config';
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
const BATCH = 10_000;

async function startApp(dataSource: DataSource): Promise<NestFastifyApplication> {
  const config = loadIdentificationConfig({ ...process.env, DATABASE_URL: url, PII_SECRET: randomUUID() + randomUUID() });
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
  const options = { url, schema, entities: [...IDENTIFICATION_ENTITIES, ...MESSAGING_ENTITIES], migrations: IDENTIFICATION_MIGRATIONS, applicationName: 'bench' };
  const admin = await createServiceDataSource(options).initialize();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.destroy();
  await migrate(options);
  const dataSource = await createServiceDataSource(options).initialize();
  for (const a of BENCH_AREAS)
    await dataSource.query(`INSERT INTO area (code, name, level, parent_code) VALUES ($1, $2, $3, $4)`, a);
  return dataSource;
}

async function runCampaign(app: NestFastifyApplication): Promise<{ id: string; seconds: number }> {
  const created = await app.inject({ method: 'POST', url: '/api/v1/campaigns', payload: { kind: 'FULL', quarter: '2026Q4', areaCodes: [BENCH_COUNTY] } });
  const id = created.json<{ id: string }>().id;
  const started = process.hrtime.bigint();
  for (let offset = 0; offset < total; offset += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, total - offset) }, (_, i) => benchHousehold(offset + i, BENCH_VILLAGES));
    const response = await app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/households`, payload: { records } });
    if (response.statusCode !== 200) throw new Error(`import failed ${response.statusCode}: ${response.body.slice(0, 500)}`);
    const rejected = response.json<{ verdicts: { status: string }[] }>().verdicts.find((v) => v.status === 'REJECTED');
    if (rejected && offset === 0) console.log(`first rejected record: ${JSON.stringify(rejected)}`);
  }
  return { id, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * The same rows again, as raw PostgreSQL can take them: every household_case, household_member and outbox row
 * the campaign wrote is read back and inserted into an index-free copy of its table, 1,000 households per
 * statement, the chunk sent as one JSON parameter (the fastest multi-row path from Node; no screening, no
 * validation, no encryption). Returns households per second over the three tables.
 */
async function rawInsertRate(dataSource: DataSource, campaignId: string): Promise<number> {
  const tables = [
    { name: 'household_case', key: 'id', where: 'campaign_id = $1' },
    { name: 'household_member', key: 'case_id', where: 'case_id IN (SELECT id FROM household_case WHERE campaign_id = $1)' },
    { name: 'outbox_message', key: 'message_key', where: `message_key IN (SELECT id::text FROM household_case WHERE campaign_id = $1)` },
  ];
  const loaded = [];
  for (const table of tables) {
    await dataSource.query(`CREATE TABLE bench_raw_${table.name} (LIKE ${table.name} INCLUDING DEFAULTS)`);
    const rows: { key: string; row: object }[] = await dataSource.query(
      `SELECT ${table.key}::text AS key, to_jsonb(t) AS row FROM ${table.name} t WHERE ${table.where}`,
      [campaignId],
    );
    const byHousehold = new Map<string, object[]>();
    for (const r of rows) byHousehold.set(r.key, [...(byHousehold.get(r.key) ?? []), r.row]);
    loaded.push({ table: table.name, households: [...byHousehold.values()] });
  }
  const households = loaded[0].households.length;
  const started = process.hrtime.bigint();
  for (const { table, households: rowsByHousehold } of loaded) {
    for (let offset = 0; offset < rowsByHousehold.length; offset += 1_000) {
      const chunk = rowsByHousehold.slice(offset, offset + 1_000).flat();
      await dataSource.query(
        `INSERT INTO bench_raw_${table} SELECT * FROM jsonb_populate_recordset(NULL::bench_raw_${table}, $1::jsonb)`,
        [JSON.stringify(chunk)],
      );
    }
  }
  return households / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(): Promise<void> {
  console.log(`bench: ${total} households, ${redact(url)} schema ${schema}`);
  const dataSource = await prepareSchema();
  const app = await startApp(dataSource);
  try {
    const { id, seconds } = await runCampaign(app);
    const progress = (await app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}` })).json<{ progress: object }>().progress;
    const [{ cases, members, events }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM household_case WHERE status = 'SUSPECTED')::int AS cases,
              (SELECT count(*) FROM household_member)::int AS members, (SELECT count(*) FROM outbox_message)::int AS events`,
    );
    console.log(`campaign: ${(total / seconds).toFixed(0)} households/s end to end (${seconds.toFixed(1)} s)`);
    console.log(`progress: ${JSON.stringify(progress)}`);
    console.log(`suspected cases: ${cases}, members stored: ${members}, case.submitted in outbox: ${events}`);
    const raw = await rawInsertRate(dataSource, id);
    console.log(`raw PostgreSQL multi-row insert of the same rows (cases, members, outbox): ${raw.toFixed(0)} households/s`);
    console.log(`campaign throughput is ${((100 * total) / seconds / raw).toFixed(0)}% of the raw insert rate`);
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
