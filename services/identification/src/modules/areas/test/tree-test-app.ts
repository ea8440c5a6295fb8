import { randomBytes, randomUUID } from 'crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrate } from '@prp/persistence';
import { DATA_SOURCE } from '@prp/service-kit';
import { testStackEnv } from '@prp/testing';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS } from '../../../database';
import { countyFiguresControllers, countyFiguresProviders } from '../../county-figures/county-figures.providers';
import { PolicyProfileProvider } from '../../policy/policy-profile.provider';
import { PolicyController } from '../../policy/policy.controller';
import { PolicyService } from '../../policy/policy.service';
import { areaControllers, areaProviders } from '../areas.providers';

export const COUNTY = '430281000000';
export const VILLAGE = '430281101201';
const TREE = [
  ['430000000000', '湖南省', 'PROVINCE', null],
  ['430200000000', '株洲市', 'CITY', '430000000000'],
  [COUNTY, '醴陵市', 'COUNTY', '430200000000'],
  ['430281101000', '东富镇', 'TOWNSHIP', COUNTY],
  [VILLAGE, '新塘村', 'VILLAGE', '430281101000'],
];

async function buildApp(dataSource: DataSource): Promise<NestFastifyApplication> {
  class TreeTestModule {}
  Module({
    controllers: [...areaControllers, PolicyController, ...countyFiguresControllers],
    providers: [
      { provide: DATA_SOURCE, useValue: dataSource },
      ...[...areaProviders, PolicyService, PolicyProfileProvider, ...countyFiguresProviders],
    ],
  })(TreeTestModule);
  const app = await NestFactory.create<NestFastifyApplication>(TreeTestModule, new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * Areas, policy and county-figure endpoints on a fresh schema of the test database (migrated, dropped
 * afterwards); before each test the demo branch 湖南省 > … > 新塘村 is the whole tree, there are no cases
 * and only the national default policy rows.
 */
export function useTreeTestApp() {
  const stack = testStackEnv();
  const schema = `idf_tree_${randomBytes(5).toString('hex')}`;
  const ctx = {} as { app: NestFastifyApplication; dataSource: DataSource };
  beforeAll(async () => {
    const options = {
      url: stack.databaseUrl,
      schema,
      entities: IDENTIFICATION_ENTITIES,
      migrations: IDENTIFICATION_MIGRATIONS,
      applicationName: 'tree-int-test',
    };
    await migrate(options);
    ctx.dataSource = await createServiceDataSource(options).initialize();
    ctx.app = await buildApp(ctx.dataSource);
  });
  beforeEach(async () => {
    await ctx.dataSource.query(`TRUNCATE household_case, household_member, area CASCADE`);
    await ctx.dataSource.query(`DELETE FROM policy_parameter WHERE region_code <> '000000000000'`);
    const insert = `INSERT INTO area (code, name, level, parent_code) VALUES ($1, $2, $3, $4)`;
    for (const area of TREE) await ctx.dataSource.query(insert, area);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.dataSource?.destroy();
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await ctx.app.inject({ method, url, payload });
    return { status: response.statusCode, body: response.json() };
  };
  const addCase = (areaCode: string, status: string) =>
    ctx.dataSource.query(
      `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
         discovered_by, head_name, member_count, status)
       VALUES ($1, $2, $2, 'h', $3, 'CADRE_VISIT', '2026-11-02', 't', '张三', 3, $4)`,
      [randomUUID(), `JC${randomBytes(6).toString('hex')}`, areaCode, status],
    );
  /** A provider by class, or by token (`get<DataSource>(DATA_SOURCE)`). */
  const get = <T>(type: (new (...args: never[]) => T) | symbol): T => ctx.app.get<T>(type);
  return { call, addCase, get };
}
