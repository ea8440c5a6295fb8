import { randomBytes, randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { useTreeTestApp, VILLAGE } from '../areas/test/tree-test-app';
import { lockOpenCasesOf } from './household-members';

const people = (n: number) => Array.from({ length: n }, () => randomBytes(32).toString('hex'));

describe('person locks for de-duplication (real PostgreSQL)', () => {
  const { get } = useTreeTestApp();

  it('lets two writers of 1,000-household chunks with no person in common go side by side', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = dataSource.transaction(async (manager) => {
      await lockOpenCasesOf(manager, people(3_000));
      firstLocked();
      await released;
    });
    await locked;
    const second = dataSource.transaction((manager) => lockOpenCasesOf(manager, people(3_000)).then(() => 'locked'));
    await expect(Promise.race([second, new Promise((resolve) => setTimeout(resolve, 2_000, 'waiting'))])).resolves.toBe(
      'locked',
    );
    release();
    await first;
  });

  it('has room in the lock table for eight imports writing 1,000-household chunks of four-person households at once', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let lockedCount = 0;
    let allLocked!: () => void;
    const all = new Promise<void>((resolve) => (allLocked = resolve));
    const writers = Array.from({ length: 8 }, () =>
      dataSource.transaction(async (manager) => {
        await lockOpenCasesOf(manager, people(4_000));
        if (++lockedCount === 8) allLocked();
        await released;
      }),
    );
    const failed = Promise.race(writers.map((w) => w.then(() => new Promise<never>(() => undefined))));
    await Promise.race([all, failed]);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
    expect(n).toBeGreaterThanOrEqual(32_000);
    release();
    await Promise.all(writers);
  });

  it('makes a second writer naming the same person wait until the first commits', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    const [person] = people(1);
    const order: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = dataSource.transaction(async (manager) => {
      await lockOpenCasesOf(manager, [person, ...people(2)]);
      firstLocked();
      await released;
      order.push('first commits');
    });
    await locked;
    const second = dataSource.transaction(async (manager) => {
      await lockOpenCasesOf(manager, [...people(2), person]);
      order.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first commits', 'second locked']);
  });

  it('finds the case a writer it waited for has just committed, so two imports of one person open one case', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    const [person] = people(1);
    const caseId = randomUUID();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = dataSource.transaction(async (manager) => {
      await expect(lockOpenCasesOf(manager, [person])).resolves.toEqual([]);
      await manager.query(
        `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
           discovered_by, head_name, member_count, status)
         VALUES ($1, 'JC202600000001', 'first-import', 'h', $2, 'CADRE_VISIT', '2026-11-02', 't', '张三', 1, 'SUSPECTED')`,
        [caseId, VILLAGE],
      );
      await manager.query(
        `INSERT INTO household_member (case_id, position, id_card_index, id_card_masked, id_card_cipher, name, relation, birth_date)
         VALUES ($1, 0, $2, '430281********0019', 'x', '张三', 'HEAD', '1975-04-12')`,
        [caseId, person],
      );
      firstLocked();
      await released;
    });
    await locked;
    const second = dataSource.transaction((manager) => lockOpenCasesOf(manager, [person]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await first;
    const found = await second;
    expect(found.map((row) => [row.id_card_index, row.case_id])).toEqual([[person, caseId]]);
  });

  it('answers each person with the oldest of their open cases, leaving out closed cases and the case being amended', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    const [twice, once, closedOnly, nowhere] = people(4);
    const stored = async (status: string, createdAt: string, persons: string[]) => {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
           discovered_by, head_name, member_count, status, created_at)
         VALUES ($1, $2, $2, 'h', $3, 'CADRE_VISIT', '2026-11-02', 't', '张三', $4, $5, $6)`,
        [id, `JC${randomBytes(6).toString('hex')}`, VILLAGE, persons.length, status, createdAt],
      );
      for (const [position, person] of persons.entries())
        await dataSource.query(
          `INSERT INTO household_member (case_id, position, id_card_index, id_card_masked, id_card_cipher, name, relation, birth_date)
           VALUES ($1, $2, $3, '430281********0019', 'x', '张三', 'HEAD', '1975-04-12')`,
          [id, position, person],
        );
      return id;
    };
    const newer = await stored('SUSPECTED', '2026-11-20T08:00:00Z', [twice, once]);
    const older = await stored('BLUE_WATCH', '2026-11-03T08:00:00Z', [twice]);
    await stored('SCREENED_OUT', '2026-11-01T08:00:00Z', [twice, closedOnly]);
    const lookup = (except?: string) =>
      dataSource.transaction((manager) => lockOpenCasesOf(manager, [nowhere, closedOnly, once, twice, twice], except));
    const byPerson = (rows: { id_card_index: string; case_id: string }[]) =>
      Object.fromEntries(rows.map((row) => [row.id_card_index, row.case_id]));
    expect(byPerson(await lookup())).toEqual({ [twice]: older, [once]: newer });
    expect(byPerson(await lookup(older))).toEqual({ [twice]: newer, [once]: newer });
  });

  it('looks people up through the ID-number index even when the statistics say the member table is empty', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    await dataSource.query(`ANALYZE household_member`);
    const scans = async () => {
      await dataSource.query(`SELECT pg_stat_force_next_flush()`);
      const [row] = await dataSource.query(
        `SELECT coalesce(seq_scan, 0)::int AS seq, coalesce(idx_scan, 0)::int AS idx FROM pg_stat_user_tables
         WHERE relid = 'household_member'::regclass`,
      );
      return row as { seq: number; idx: number };
    };
    const before = await scans();
    await expect(dataSource.transaction((manager) => lockOpenCasesOf(manager, people(3_000)))).resolves.toEqual([]);
    const after = await scans();
    expect(after.seq).toBe(before.seq);
    expect(after.idx).toBeGreaterThanOrEqual(before.idx + 3_000);
  });
});
