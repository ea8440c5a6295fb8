import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';

/**
 * Statuses that do not count as a monitored household: screened out at intake, rejected by the chain,
 * or a suspected duplicate of another case (the same household counted once). Every other case — open
 * (suspected, responded, under verification, BLUE watch) or included — counts.
 */
export const NOT_MONITORED_STATUSES = ['SCREENED_OUT', 'REJECTED', 'DUPLICATE_SUSPECTED', 'MERGED', 'DISMISSED'];

/** The one query of the scale check, kept apart so it follows the case table as it evolves. */
@Injectable()
export class MonitoredHouseholdsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Cases whose village lies in the county (same first 6 digits of the statistical code: an index range). */
  async count(countyCode: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM household_case WHERE area_code LIKE $1 AND NOT (status = ANY($2::text[]))`,
      [`${countyCode.slice(0, 6)}%`, NOT_MONITORED_STATUSES],
    );
    return count;
  }
}
