import { DataSource, type DataSourceOptions } from 'typeorm';
import { Client } from 'pg';

export interface ServiceDataSourceOptions {
  /** postgres://user:pass@host:port/db */
  url: string;
  /** The service's own schema; every unqualified table name resolves into it. */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  applicationName: string;
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,62}$/;

function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
}

/**
 * A TypeORM data source bound to one service schema (search_path = that schema only, so a service
 * cannot read another service's tables by accident). Never `synchronize`: migrations own the schema.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  assertSchemaName(options.schema);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    extra: { options: `-c search_path=${options.schema} -c timezone=UTC` },
  });
}

/** CREATE SCHEMA IF NOT EXISTS, before TypeORM creates its migrations table inside it. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

/** Creates the schema, then runs pending migrations; returns the names applied. */
export async function migrate(options: ServiceDataSourceOptions): Promise<string[]> {
  await ensureSchema(options.url, options.schema);
  const dataSource = createServiceDataSource({ ...options, poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
