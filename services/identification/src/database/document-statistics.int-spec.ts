import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { useTreeTestApp, VILLAGE } from '../modules/areas/test/tree-test-app';

/** Migration 510: ANALYZE leaves the stored documents alone and still describes the columns cases are found by. */
describe('statistics of case documents (real PostgreSQL)', () => {
  const { get, addCase } = useTreeTestApp();

  it('gathers no statistics on screening and facts documents, and still does on area and status', async () => {
    const dataSource = get<DataSource>(DATA_SOURCE);
    for (let i = 0; i < 30; i++) await addCase(VILLAGE, i % 3 === 0 ? 'SUSPECTED' : 'SCREENED_OUT');
    await dataSource.query(
      `UPDATE household_case SET screening = jsonb_build_object('disposition', 'CASE', 'n', random()),
         facts = jsonb_build_object('members', jsonb_build_array(jsonb_build_object('name', '赵**')))`,
    );
    await dataSource.query(`ANALYZE household_case`);
    const rows: { attname: string }[] = await dataSource.query(
      `SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'household_case'`,
    );
    const described = rows.map((row) => row.attname);
    expect(described).toEqual(expect.arrayContaining(['area_code', 'status', 'idempotency_key']));
    expect(described).not.toContain('screening');
    expect(described).not.toContain('facts');
  });
});
