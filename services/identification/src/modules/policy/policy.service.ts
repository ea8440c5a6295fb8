import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import type { PolicyProfile } from '../screening/domain';
import { type EffectivePolicy, type PolicyRow, toEffectivePolicy } from './effective-policy';
import { PolicyNotFoundException, PolicyVersionExistsException, PolicyVersionUnknownException } from './policy-errors';
import type { PolicyValues } from './policy-keys';
import { groupVersions, type PolicyTableVersion, type PolicyVersionRow, versionLabel } from './policy-versions';
import { regionPath } from './region-path';
import { toPolicyProfile } from './to-policy-profile';
import { parseVersionLabel, type ParsedVersionLabel } from './version-label';

const MAX_CACHED = 10_000;

/**
 * Resolves the policy tables: for each key, the most specific region on the area's path (village up to
 * the national default), in the year of the day, with the latest effective date not after it. Results are
 * cached per (area, day) — an intake batch screens thousands of households with one query — and the
 * cache is dropped whenever a table changes.
 */
@Injectable()
export class PolicyService {
  private readonly cache = new Map<string, Promise<EffectivePolicy | undefined>>();
  /** Per version label. Never dropped by a new version: versions are append-only, so a label never changes. */
  private readonly byVersion = new Map<string, Promise<EffectivePolicy | undefined>>();

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async effective(areaCode: string, on: string): Promise<EffectivePolicy> {
    const key = `${areaCode}|${on}`;
    let pending = this.cache.get(key);
    if (!pending) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      pending = this.load(areaCode, on);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    const policy = await pending;
    if (!policy) throw new PolicyNotFoundException(areaCode, on);
    return policy;
  }

  async profileFor(villageCode: string, on: string): Promise<PolicyProfile> {
    return toPolicyProfile(await this.effective(villageCode, on));
  }

  /**
   * The exact effective policy a version label (`EffectivePolicy.version`, stamped on every screening) pins:
   * only the rows of the listed (region, effective date) pairs of that year are read and reduced per key the
   * same way as `effective` (most specific region, then latest date). Every row `effective` chose is among
   * them and no listed pair gains rows later (`addVersion` only appends after the latest date), so the result
   * is the original. Throws `POLICY.VERSION_UNKNOWN` (422) for a label it cannot rebuild for this area.
   */
  async effectiveByVersion(areaCode: string, label: string): Promise<EffectivePolicy> {
    const parsed = parseVersionLabel(label);
    const path = regionPath(areaCode);
    if (!parsed || parsed.sources.some((source) => !path.includes(source.regionCode))) {
      throw new PolicyVersionUnknownException(label, areaCode);
    }
    let pending = this.byVersion.get(label);
    if (!pending) {
      if (this.byVersion.size >= MAX_CACHED) this.byVersion.clear();
      pending = this.loadVersion(parsed);
      this.byVersion.set(label, pending);
      pending.catch(() => this.byVersion.delete(label));
    }
    const policy = await pending;
    if (policy?.version !== label) throw new PolicyVersionUnknownException(label, areaCode);
    return policy;
  }

  async profileOfVersion(villageCode: string, label: string): Promise<PolicyProfile> {
    return toPolicyProfile(await this.effectiveByVersion(villageCode, label));
  }

  /**
   * Appends a version of a region's table for a year and returns its label. Earlier versions stay (decisions
   * name them) and a new one must take effect after the latest: no version is ever inserted before another.
   */
  async addVersion(regionCode: string, year: number, effectiveFrom: string, source: string, values: PolicyValues) {
    const count = await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE policy_parameter IN SHARE ROW EXCLUSIVE MODE`);
      const [{ latest, count }] = await manager.query(
        `SELECT to_char(max(effective_from), 'YYYY-MM-DD') AS latest, count(DISTINCT effective_from)::int AS count
         FROM policy_parameter WHERE region_code = $1 AND year = $2`,
        [regionCode, year],
      );
      if (latest !== null && effectiveFrom <= latest) {
        throw new PolicyVersionExistsException(regionCode, effectiveFrom, latest);
      }
      for (const [key, value] of Object.entries(values)) {
        await manager.query(
          `INSERT INTO policy_parameter (region_code, year, key, value, effective_from, source) VALUES ($1, $2, $3, $4, $5, $6)`,
          [regionCode, year, key, JSON.stringify(value), effectiveFrom, source],
        );
      }
      return count as number;
    });
    this.cache.clear();
    return versionLabel(regionCode, year, count + 1);
  }

  async versions(regionCode: string, year: number): Promise<PolicyTableVersion[]> {
    const rows: PolicyVersionRow[] = await this.dataSource.query(
      `SELECT key, value, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", source FROM policy_parameter
       WHERE region_code = $1 AND year = $2 ORDER BY effective_from, key`,
      [regionCode, year],
    );
    return groupVersions(regionCode, year, rows);
  }

  private async load(areaCode: string, on: string): Promise<EffectivePolicy | undefined> {
    const path = regionPath(areaCode);
    const year = Number(on.slice(0, 4));
    const rows: PolicyRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (key) key, value, region_code, to_char(effective_from, 'YYYY-MM-DD') AS effective_from
       FROM policy_parameter
       WHERE region_code = ANY($1::text[]) AND year = $2 AND effective_from <= $3::date
       ORDER BY key, array_position($1::text[], region_code), effective_from DESC`,
      [path, year, on],
    );
    return toEffectivePolicy(rows, path, year);
  }

  /** The label lists its regions most specific first, which is their order on any area's path. */
  private async loadVersion({ year, sources }: ParsedVersionLabel): Promise<EffectivePolicy | undefined> {
    const regions = [...new Set(sources.map((source) => source.regionCode))];
    const rows: PolicyRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (key) key, value, region_code, to_char(effective_from, 'YYYY-MM-DD') AS effective_from
       FROM policy_parameter
       JOIN unnest($2::text[], $3::date[]) AS pinned (pinned_region, pinned_from)
         ON region_code = pinned_region AND effective_from = pinned_from
       WHERE year = $1
       ORDER BY key, array_position($4::text[], region_code), effective_from DESC`,
      [year, sources.map((s) => s.regionCode), sources.map((s) => s.effectiveFrom), regions],
    );
    return toEffectivePolicy(rows, regions, year);
  }
}
