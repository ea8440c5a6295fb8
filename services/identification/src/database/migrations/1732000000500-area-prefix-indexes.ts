import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case lists and county figures select by the leading digits of the statistical area code (a county, township
 * or village and everything under it: `area_code LIKE '430281%'`). The area indexes used the database's
 * collation (C.UTF-8 here, often en_US.UTF-8 elsewhere), under which PostgreSQL cannot turn a LIKE prefix into
 * an index range: every list read the whole index or the whole table, whatever the area. With text_pattern_ops
 * the prefix is a range scan (equality still works); the status index gets the same for "cases in this status
 * under this area".
 */
export class AreaPrefixIndexes1732000000500 implements MigrationInterface {
  name = 'AreaPrefixIndexes1732000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX household_case_area_idx`);
    await runner.query(`CREATE INDEX household_case_area_idx ON household_case (area_code text_pattern_ops)`);
    await runner.query(`DROP INDEX household_case_status_idx`);
    await runner.query(`CREATE INDEX household_case_status_idx ON household_case (status, area_code text_pattern_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX household_case_status_idx`);
    await runner.query(`CREATE INDEX household_case_status_idx ON household_case (status, area_code)`);
    await runner.query(`DROP INDEX household_case_area_idx`);
    await runner.query(`CREATE INDEX household_case_area_idx ON household_case (area_code)`);
  }
}
