import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import type { AreaTarget } from './access.decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AREA = /^(\d{12}|\d{15})$/;

export interface RequestParts {
  params?: Record<string, unknown>;
  body?: unknown;
}

/** Resolved target: areas the key must cover, or (campaigns) areas it must share ground with. */
export interface TargetAreas {
  mode: 'cover' | 'overlap';
  areaCodes: string[];
  field: string;
}

/**
 * The areas an operation touches. A malformed or unknown target resolves to nothing: validation (400) or
 * the endpoint's own "not found" (404) answers it.
 */
@Injectable()
export class TargetAreaResolver {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async resolve(target: AreaTarget, request: RequestParts): Promise<TargetAreas> {
    switch (target.from) {
      case 'case':
        return { mode: 'cover', areaCodes: await this.caseArea(request.params?.[target.param]), field: target.param };
      case 'campaign':
        return {
          mode: 'overlap',
          areaCodes: await this.campaignAreas(request.params?.[target.param]),
          field: target.param,
        };
      case 'county':
        return { mode: 'cover', areaCodes: countyArea(request.params?.[target.param]), field: target.param };
      case 'param':
        return { mode: 'cover', areaCodes: areaCodes(request.params?.[target.param]), field: target.param };
      case 'fixed':
        return { mode: 'cover', areaCodes: [target.areaCode], field: 'x-api-key' };
      case 'body': {
        const body = (request.body ?? {}) as Record<string, unknown>;
        return { mode: 'cover', areaCodes: areaCodes(body[target.field]), field: target.field };
      }
    }
  }

  private async caseArea(id: unknown): Promise<string[]> {
    if (typeof id !== 'string' || !UUID.test(id)) return [];
    const rows: { area_code: string }[] = await this.dataSource.query(
      `SELECT area_code FROM household_case WHERE id = $1`,
      [id],
    );
    return rows.map((row) => row.area_code);
  }

  private async campaignAreas(id: unknown): Promise<string[]> {
    if (typeof id !== 'string' || !UUID.test(id)) return [];
    const rows: { area_codes: string[] }[] = await this.dataSource.query(
      `SELECT area_codes FROM screening_campaign WHERE id = $1`,
      [id],
    );
    return rows[0]?.area_codes ?? [];
  }
}

function areaCodes(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && AREA.test(v));
}

function countyArea(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  if (/^\d{6}$/.test(value)) return [`${value}000000`];
  return areaCodes(value);
}
