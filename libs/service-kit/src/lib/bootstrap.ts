import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { JsonLogger, type LogLevel } from './logger';

export interface BootstrapOptions {
  service: string;
  title: string;
  description: string;
  host: string;
  port: number;
  logLevel: LogLevel;
}

/** Builds a Fastify-backed Nest app with JSON logs, OpenAPI at /docs and graceful shutdown. */
type EntryModule = Parameters<typeof NestFactory.create>[0];

export async function createServiceApp(module: EntryModule, options: BootstrapOptions): Promise<NestFastifyApplication> {
  const logger = new JsonLogger(options.service, options.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: 64 * 1024 * 1024 }), {
    logger,
    bufferLogs: true,
  });
  app.enableShutdownHooks();
  mountDocs(app, options);
  return app;
}

function mountDocs(app: INestApplication, options: BootstrapOptions): void {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1.0.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs/json' });
}

/** Starts listening and logs the URLs; used by each service's main.ts. */
export async function startService(module: EntryModule, options: BootstrapOptions): Promise<NestFastifyApplication> {
  const app = await createServiceApp(module, options);
  await app.listen(options.port, options.host);
  new JsonLogger(options.service, options.logLevel).log({ msg: 'listening', url: `http://${options.host}:${options.port}`, docs: `http://${options.host}:${options.port}/docs` });
  return app;
}

export interface ServiceMain<C extends { HOST: string; PORT: number; LOG_LEVEL: LogLevel }> {
  service: string;
  title: string;
  description: string;
  loadConfig: () => C;
  module: (config: C) => EntryModule;
}

/** The whole main.ts of a service: validated config, start, and a non-zero exit on failure. */
export function runServiceMain<C extends { HOST: string; PORT: number; LOG_LEVEL: LogLevel }>(main: ServiceMain<C>): void {
  const start = async () => {
    const config = main.loadConfig();
    const { service, title, description } = main;
    await startService(main.module(config), { service, title, description, host: config.HOST, port: config.PORT, logLevel: config.LOG_LEVEL });
  };
  start().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
