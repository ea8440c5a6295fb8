// `npm run migrate [-- <database url>]`: creates each service's schema and applies its pending migrations.
import { migrate, redact } from '@prp/persistence';
import { SERVICE_SCHEMAS } from './service-schemas';

export async function migrateAll(url: string, log: (line: string) => void = console.log): Promise<void> {
  for (const spec of SERVICE_SCHEMAS) {
    const applied = await migrate({ url, applicationName: 'migrate', ...spec });
    log(`${spec.schema}: ${applied.length ? applied.join(', ') : 'up to date'}`);
  }
}

if (require.main === module) {
  const url = process.argv[2] ?? process.env['DATABASE_URL'] ?? 'postgres://prp:prp@127.0.0.1:55432/prp_dev';
  console.log(`migrating ${redact(url)}`);
  migrateAll(url).catch((error: unknown) => {
    console.error('迁移失败 migration failed:', error);
    process.exit(1);
  });
}
