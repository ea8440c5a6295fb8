import { UnprocessableEntityException } from '@nestjs/common';
import { POLICY_DEFAULTS } from '../../database/migrations/1732000000300-policy-defaults';
import { toEffectivePolicy, type PolicyRow } from './effective-policy';
import { PolicyValuesSchema } from './policy-keys';
import { regionPath } from './region-path';
import { toPolicyProfile } from './to-policy-profile';

const path = regionPath('430281101201');
const national = (key: string, value: unknown): PolicyRow => ({
  key,
  value,
  region_code: '000000000000',
  effective_from: '2026-01-01',
});

describe('policy tables', () => {
  it('walks from a village up to the national default by statistical code prefix', () => {
    expect(path).toEqual([
      '430281101201',
      '430281101000',
      '430281000000',
      '430200000000',
      '430000000000',
      '000000000000',
    ]);
  });

  it('names the version after the exact rows used, most specific region first', () => {
    const rows = [
      ...Object.entries(POLICY_DEFAULTS).map(([key, value]) => national(key, value)),
      {
        key: 'monitoring_line_fen_per_capita_year',
        value: 700_000,
        region_code: '430281000000',
        effective_from: '2026-03-01',
      },
    ];
    const policy = toEffectivePolicy(rows, path, 2026);
    expect(policy).toMatchObject({
      regionCode: '430281000000',
      version: '2026/430281000000@2026-03-01+000000000000@2026-01-01',
      effectiveFrom: '2026-03-01',
    });
    expect(policy && toPolicyProfile(policy).monitoringLine).toEqual({ kind: 'AMOUNT', fenPerCapitaYear: 700_000 });
  });

  it('maps a Dongtai-style table to the dibao-standard line', () => {
    const values = {
      ...POLICY_DEFAULTS,
      monitoring_line_kind: 'DIBAO_STANDARD',
      dibao_standard_fen_per_person_month: 60_000,
    };
    const policy = toEffectivePolicy(
      Object.entries(values).map(([k, v]) => national(k, v)),
      path,
      2026,
    );
    expect(policy && toPolicyProfile(policy).monitoringLine).toEqual({
      kind: 'DIBAO_STANDARD',
      dibaoFenPerPersonMonth: 60_000,
    });
  });

  it('refuses to screen with an incomplete table and names the missing keys in Chinese', () => {
    const policy = toEffectivePolicy([national('monitoring_line_fen_per_capita_year', 650_000)], path, 2026);
    expect(() => policy && toPolicyProfile(policy)).toThrow(UnprocessableEntityException);
    try {
      if (policy) toPolicyProfile(policy);
    } catch (error) {
      const body = (error as UnprocessableEntityException).getResponse() as { code: string; message: string };
      expect(body.code).toBe('POLICY.INCOMPLETE');
      expect(body.message).toContain('national_poverty_standard_fen_per_capita_year');
    }
  });

  it('accepts the seeded defaults and rejects unknown keys, fractions of a fen and bad types', () => {
    expect(PolicyValuesSchema.safeParse(POLICY_DEFAULTS).success).toBe(true);
    expect(PolicyValuesSchema.safeParse({ monitoring_line_fen_per_capita_year: 6500.5 }).success).toBe(false);
    expect(PolicyValuesSchema.safeParse({ exempt_income_types: ['LOTTERY'] }).success).toBe(false);
    expect(PolicyValuesSchema.safeParse({ monitoring_line: 650_000 }).success).toBe(false);
  });
});
