import { randomBytes } from 'crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client as PgClient } from 'pg';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { migrate } from '@prp/persistence';
import { HealthController } from '@prp/service-kit';
import { uniqueName } from '@prp/testing';
import { IDENTIFICATION_CONFIG } from '../../../../config/identification.config';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS } from '../../../../database';
import { accessControllers, accessProviders } from '../../../access/access.providers';
import { approvalControllers } from '../../../approval/approval.providers';
import { ScreenedOutRiskPoint } from '../../../approval/risk-points/screened-out-risk-point';
import { approvalInfrastructure, stack, testIdentificationConfig } from '../../../approval/test/approval-stack';
import { startCaseWorker, type InProcessWorker } from '../../../approval/test/case-worker';
import { areaProviders } from '../../../areas/areas.providers';
import { CalendarService } from '../../../calendar/calendar.service';
import { PolicyProfileProvider } from '../../../policy/policy-profile.provider';
import { PolicyService } from '../../../policy/policy.service';
import { GetCaseController } from '../../get-case/get-case.controller';
import { SubmitCaseController } from '../../submit-case/submit-case.controller';
import { SubmitCaseService } from '../../submit-case/submit-case.service';
import { amendFactsControllers, amendFactsProviders } from '../amend-facts.providers';
import { ScreeningExplainer } from '../../../screening/screening-explainer';

export { stack };
export const ADMIN_TOKEN = 'amend-facts-admin-token-0123456789';
export const VILLAGE = '430281101201';
export const TOWNSHIP = '430281101000';
const TREE = [
  ['430000000000', '湖南省', 'PROVINCE', null],
  ['430200000000', '株洲市', 'CITY', '430000000000'],
  ['430281000000', '醴陵市', 'COUNTY', '430200000000'],
  [TOWNSHIP, '东富镇', 'TOWNSHIP', '430281000000'],
  [VILLAGE, '新塘村', 'VILLAGE', TOWNSHIP],
];

export interface AmendFactsStack {
  app: NestFastifyApplication;
  taskQueue: string;
  sql<T>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Intake, the facts change, the approval chain and the area-key guard on a throwaway schema of the test
 * database, with a real case worker on a task queue of its own (real PostgreSQL and Temporal; no relay).
 */
export async function startAmendFactsStack(): Promise<AmendFactsStack> {
  const schema = `amend_facts_${randomBytes(5).toString('hex')}`;
  const taskQueue = uniqueName('amend-facts-int');
  const config = testIdentificationConfig(taskQueue, { IDENTIFICATION_ADMIN_TOKEN: ADMIN_TOKEN });
  const entities = [...IDENTIFICATION_ENTITIES, ...MESSAGING_ENTITIES];
  const pg = new PgClient({ connectionString: stack.databaseUrl, options: `-c search_path=${schema}` });
  await pg.connect();
  const dropSchema = () => pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await migrate({
    url: stack.databaseUrl,
    schema,
    entities,
    migrations: IDENTIFICATION_MIGRATIONS,
    applicationName: 'amend-facts-int',
  });
  for (const area of TREE)
    await pg.query(`INSERT INTO area (code, name, level, parent_code) VALUES ($1, $2, $3, $4)`, area);
  const { approval, infra } = approvalInfrastructure(schema, config);
  @Module({
    controllers: [
      HealthController,
      SubmitCaseController,
      GetCaseController,
      ...approvalControllers,
      ...amendFactsControllers,
      ...accessControllers,
    ],
    providers: [
      ...infra,
      { provide: IDENTIFICATION_CONFIG, useValue: config },
      ...approval.providers,
      PolicyService,
      PolicyProfileProvider,
      CalendarService,
      SubmitCaseService,
      ScreeningExplainer,
      ...areaProviders,
      ...accessProviders,
      ...amendFactsProviders,
      ScreenedOutRiskPoint,
    ],
  })
  class AmendFactsIntModule {}
  const worker: InProcessWorker = await startCaseWorker(stack.temporalAddress, stack.temporalNamespace, taskQueue);
  const app = await NestFactory.create<NestFastifyApplication>(AmendFactsIntModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    taskQueue,
    sql: async <T>(text: string, params: unknown[] = []) => (await pg.query(text, params)).rows as T[],
    stop: async () => {
      await app.close();
      await worker.stop();
      await dropSchema();
      await pg.end();
    },
  };
}
