import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import type { AreaNode, AreaTreeLevel } from './area-tree';

const MAX_CACHED = 50_000;
const COLUMNS = `code, name, level, parent_code AS "parentCode"`;

/**
 * The administrative tree for other modules. Areas are only ever added (a code never moves), so a
 * found path is cached for the life of the process; an unknown code is not cached, so an area added
 * later is found at once.
 */
@Injectable()
export class AreaDirectory {
  private readonly paths = new Map<string, Promise<readonly AreaNode[]>>();

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The area and its ancestors, province first and the area itself last; empty if the code is unknown. */
  path(code: string): Promise<readonly AreaNode[]> {
    let pending = this.paths.get(code);
    if (!pending) {
      if (this.paths.size >= MAX_CACHED) this.paths.clear();
      pending = this.loadPath(code);
      this.paths.set(code, pending);
      void pending.then(
        (path) => path.length === 0 && this.paths.delete(code),
        () => this.paths.delete(code),
      );
    }
    return pending;
  }

  async find(code: string): Promise<AreaNode | undefined> {
    return (await this.path(code)).at(-1);
  }

  async levelOf(code: string): Promise<AreaTreeLevel | undefined> {
    return (await this.find(code))?.level;
  }

  /** The county (区县) an area lies in, itself if it is one; undefined above county level or if unknown. */
  async countyOf(code: string): Promise<AreaNode | undefined> {
    return (await this.path(code)).find((node) => node.level === 'COUNTY');
  }

  /** Direct children ordered by code; the provinces when `parentCode` is null. */
  children(parentCode: string | null): Promise<AreaNode[]> {
    return parentCode === null
      ? this.dataSource.query(`SELECT ${COLUMNS} FROM area WHERE parent_code IS NULL ORDER BY code`)
      : this.dataSource.query(`SELECT ${COLUMNS} FROM area WHERE parent_code = $1 ORDER BY code`, [parentCode]);
  }

  private loadPath(code: string): Promise<AreaNode[]> {
    return this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT code, name, level, parent_code, 0 AS depth FROM area WHERE code = $1
         UNION ALL
         SELECT a.code, a.name, a.level, a.parent_code, up.depth + 1 FROM area a JOIN up ON a.code = up.parent_code
       )
       SELECT ${COLUMNS} FROM up ORDER BY depth DESC`,
      [code],
    );
  }
}
