import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Village groups (村民小组) join the administrative tree, and counties carry their registered-poor
 * population (建档立卡人口) for the scale check. A village group's code is its village's 12-digit
 * statistical code followed by a 3-digit group number (001–999): 15 digits in all.
 */
export class AreaTree1732000000310 implements MigrationInterface {
  name = 'AreaTree1732000000310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE area DROP CONSTRAINT area_code_check`);
    await runner.query(`ALTER TABLE area DROP CONSTRAINT area_level_check`);
    await runner.query(`
      ALTER TABLE area
        ADD CONSTRAINT area_code_check CHECK (
          (level <> 'VILLAGE_GROUP' AND code ~ '^[0-9]{12}$') OR (level = 'VILLAGE_GROUP' AND code ~ '^[0-9]{15}$')),
        ADD CONSTRAINT area_level_check CHECK (
          level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP')),
        ADD COLUMN registered_poor_population int CHECK (registered_poor_population >= 0)`);
    await runner.query(`CREATE INDEX area_parent_code_idx ON area (parent_code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX area_parent_code_idx`);
    await runner.query(`DELETE FROM area WHERE level = 'VILLAGE_GROUP'`);
    await runner.query(`
      ALTER TABLE area DROP COLUMN registered_poor_population,
        DROP CONSTRAINT area_code_check, DROP CONSTRAINT area_level_check,
        ADD CONSTRAINT area_code_check CHECK (code ~ '^[0-9]{12}$'),
        ADD CONSTRAINT area_level_check CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'))`);
  }
}
