import { randomBytes, randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { useTreeTestApp, VILLAGE } from '../../areas/test/tree-test-app';
import { CASE_COLUMNS } from './bulk-sql';
import { copyRows } from './copy-rows';

/** The batch writer's case columns from `id` to `status`, those the rows below fill. */
const COLUMNS = CASE_COLUMNS.slice(0, 11);

/** Rows of `household_case` (the columns above), `n` of them. */
const cases = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    randomUUID(),
    `JC${randomBytes(6).toString('hex')}`,
    `copy-${i}-${randomUUID()}`,
    'h',
    VILLAGE,
    'CADRE_VISIT',
    '2026-11-02',
    '网格员\t张三',
    '赵铁柱',
    3,
    'SCREENED_OUT',
  ]);

/** COPY through `copyRows` against the real PostgreSQL: rows sent in pieces, and what a failure leaves. */
describe('copyRows (real PostgreSQL)', () => {
  const { get } = useTreeTestApp();
  const db = () => get<DataSource>(DATA_SOURCE);
  const stored = async () => (await db().query(`SELECT count(*)::int AS n FROM household_case`))[0].n;

  it('stores thousands of rows sent in several pieces, free text read back as written', async () => {
    const rows = cases(3_000);
    await db().transaction((manager) =>
      copyRows(manager, 'household_case', COLUMNS, rows.length, (row) => rows.forEach(row)),
    );
    expect(await stored()).toBe(3_000);
    const [found] = await db().query(`SELECT discovered_by, member_count FROM household_case WHERE id = $1`, [
      rows[1_234][0],
    ]);
    expect(found).toEqual({ discovered_by: '网格员\t张三', member_count: 3 });
  });

  it('a row that cannot be made fails the COPY: none of the rows stay, and the connection goes on working', async () => {
    const rows = cases(2_000);
    const failing = db().transaction((manager) =>
      copyRows(manager, 'household_case', COLUMNS, rows.length, (row) =>
        rows.forEach((values, i) => {
          if (i === 1_500) throw new Error('行数据生成失败（测试）');
          row(values);
        }),
      ),
    );
    await expect(failing).rejects.toThrow('行数据生成失败（测试）');
    expect(await stored()).toBe(0);
    await db().transaction((manager) => copyRows(manager, 'household_case', COLUMNS, 1, (row) => row(cases(1)[0])));
    expect(await stored()).toBe(1);
  });

  it('a value PostgreSQL refuses fails the whole COPY with its error', async () => {
    const rows = cases(1_000);
    rows[700][6] = '2026-02-30';
    const failing = db().transaction((manager) =>
      copyRows(manager, 'household_case', COLUMNS, rows.length, (row) => rows.forEach(row)),
    );
    await expect(failing).rejects.toMatchObject({ code: '22008' });
    expect(await stored()).toBe(0);
  });
});
