import { Client as PgClient } from 'pg';
import { testStackEnv } from '@prp/testing';
import { insertTestAreas, useIdentificationKeys } from './fixtures';
import {
  migrateTestDatabase,
  startPlatformProcess,
  stopPlatformProcess,
  type PlatformProcess,
  type ProcessName,
} from './platform-processes';

export interface Platform {
  db: PgClient;
  processes: PlatformProcess[];
  /** The base URL of a started process. */
  url(name: ProcessName): string;
  stop(): Promise<void>;
}

/**
 * What every end-to-end suite starts with: the migrated test database with the demo county's branch of the
 * area tree, the built processes it names (stopped in reverse order), and identification keys for its requests.
 */
export async function startPlatform(names: readonly ProcessName[]): Promise<Platform> {
  await migrateTestDatabase();
  const db = new PgClient({ connectionString: testStackEnv().databaseUrl });
  await db.connect();
  await insertTestAreas(db);
  const processes: PlatformProcess[] = [];
  const stop = async () => {
    for (const p of [...processes].reverse()) await stopPlatformProcess(p);
    await db.end();
  };
  try {
    for (const name of names) processes.push(await startPlatformProcess(name));
  } catch (error) {
    await stop();
    throw error;
  }
  const url = (name: ProcessName) => {
    const found = processes.find((p) => p.name === name);
    if (!found) throw new Error(`${name} was not started by this suite`);
    return found.url;
  };
  if (names.includes('identification')) await useIdentificationKeys(url('identification'));
  return { db, processes, url, stop };
}
