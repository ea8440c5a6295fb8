import { randomBytes, randomUUID } from 'crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES } from '@prp/messaging';
import { createServiceDataSource, migrate } from '@prp/persistence';
import { DATA_SOURCE } from '@prp/service-kit';
import { testStackEnv } from '@prp/testing';
import { IDENTIFICATION_CONFIG, loadIdentificationConfig } from '../../../config/identification.config';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS } from '../../../database';
import { accessControllers, accessProviders } from '../../access/access.providers';
import { AreaDirectory } from '../../areas/area-directory';
import { CalendarService } from '../../calendar/calendar.service';
import { ComputeDeadlineController } from '../../calendar/compute-deadline/compute-deadline.controller';
import { CampaignsController } from '../../campaigns/campaigns.controller';
import { CampaignsService } from '../../campaigns/campaigns.service';
import { DuplicatesController } from '../../duplicates/duplicates.controller';
import { DuplicatesService } from '../../duplicates/duplicates.service';
import { PolicyProfileProvider } from '../../policy/policy-profile.provider';
import { PolicyService } from '../../policy/policy.service';
import { BatchIntakeController } from '../batch-intake/batch-intake.controller';
import { BatchIntakeService } from '../batch-intake/batch-intake.service';
import { BatchPreparer } from '../batch-intake/batch-preparer';
import { GetCaseController } from '../get-case/get-case.controller';
import { RecordResponseController } from '../record-response/record-response.controller';
import { ListCasesController } from '../list-cases/list-cases.controller';
import { SubmitCaseController } from '../submit-case/submit-case.controller';
import { SubmitCaseService } from '../submit-case/submit-case.service';
import { ScreeningExplainer } from '../../screening/screening-explainer';

export const VILLAGE = '430281101201';
export const OTHER_VILLAGE = '450222101201';
const TREE = [
  ['430000000000', '湖南省', 'PROVINCE', null],
  ['430200000000', '株洲市', 'CITY', '430000000000'],
  ['430281000000', '醴陵市', 'COUNTY', '430200000000'],
  ['430281101000', '东富镇', 'TOWNSHIP', '430281000000'],
  [VILLAGE, '新塘村', 'VILLAGE', '430281101000'],
  ['450000000000', '广西壮族自治区', 'PROVINCE', null],
  ['450200000000', '柳州市', 'CITY', '450000000000'],
  ['450222000000', '柳城县', 'COUNTY', '450200000000'],
  ['450222101000', '大埔镇', 'TOWNSHIP', '450222000000'],
  [OTHER_VILLAGE, '大埔村', 'VILLAGE', '450222101000'],
];

export const ADMIN_TOKEN = 'intake-admin-token-0123456789';

export interface IntakeApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The intake slices on a throwaway schema of the test database, with a two-county area tree. `guarded`
 * adds the area-key guard as the service installs it (every route), the admin key endpoints and a few
 * more slices the guard tests call.
 */
export async function startIntakeApp(setup: { guarded?: boolean } = {}): Promise<IntakeApp> {
  const stack = testStackEnv();
  const schema = `intake_${randomBytes(5).toString('hex')}`;
  const options = {
    url: stack.databaseUrl,
    schema,
    entities: [...IDENTIFICATION_ENTITIES, ...MESSAGING_ENTITIES],
    migrations: IDENTIFICATION_MIGRATIONS,
    applicationName: 'intake-int-test',
  };
  await migrate(options);
  const dataSource = await createServiceDataSource(options).initialize();
  const config = loadIdentificationConfig({
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    PII_SECRET: randomUUID() + randomUUID(),
    IDENTIFICATION_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  const guarded = setup.guarded
    ? {
        controllers: [...accessControllers, RecordResponseController, ComputeDeadlineController],
        providers: [AreaDirectory, ...accessProviders],
      }
    : { controllers: [], providers: [] };
  @Module({
    controllers: [
      SubmitCaseController,
      BatchIntakeController,
      ListCasesController,
      GetCaseController,
      DuplicatesController,
      CampaignsController,
      ...guarded.controllers,
    ],
    providers: [
      ...guarded.providers,
      { provide: DATA_SOURCE, useValue: dataSource },
      { provide: IDENTIFICATION_CONFIG, useValue: config },
      CalendarService,
      PolicyService,
      PolicyProfileProvider,
      SubmitCaseService,
      ScreeningExplainer,
      BatchPreparer,
      BatchIntakeService,
      DuplicatesService,
      CampaignsService,
    ],
  })
  class IntakeTestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(IntakeTestModule, new FastifyAdapter({ bodyLimit: 64 * 1024 * 1024 }), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const reset = async () => {
    await dataSource.query(`TRUNCATE household_case, household_member, screening_campaign, outbox_message, area, api_key CASCADE`);
    for (const area of TREE)
      await dataSource.query(`INSERT INTO area (code, name, level, parent_code) VALUES ($1, $2, $3, $4)`, area);
  };
  const stop = async () => {
    await app.close();
    await dataSource.destroy();
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  };
  return { app, dataSource, reset, stop };
}
