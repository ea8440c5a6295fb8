import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { useTreeTestApp, VILLAGE } from '../modules/areas/test/tree-test-app';

/** Migration 500: selecting cases by the leading digits of the area code is an index range, not a scan. */
describe('area prefix indexes (real PostgreSQL)', () => {
  const { get, addCase } = useTreeTestApp();

  const plan = async (sql: string, params: unknown[]) => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    return dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`); // a few rows: make the planner show what it can do
      const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${sql}`, params);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  };

  it('turns a county, township or village prefix into a range of the area index, with and without a status', async () => {
    for (let i = 0; i < 20; i++) await addCase(VILLAGE, i % 2 === 0 ? 'SUSPECTED' : 'SCREENED_OUT');
    const county = VILLAGE.slice(0, 6);
    const byArea = await plan(`SELECT id FROM household_case WHERE area_code LIKE $1`, [`${county}%`]);
    expect(byArea).toMatch(/Index Cond: \(\(area_code ~>=~ '430281'::text\) AND \(area_code ~<~ '430282'::text\)\)/);
    const byStatus = await plan(`SELECT id FROM household_case WHERE status = $1 AND area_code LIKE $2`, [
      'SUSPECTED',
      `${VILLAGE.slice(0, 9)}%`,
    ]);
    expect(byStatus).toMatch(/Index Cond: \(\(status = 'SUSPECTED'::text\) AND \(area_code ~>=~ '430281101'::text\)/);
  });
});
