import { COUNTY, useTreeTestApp, VILLAGE } from '../areas/test/tree-test-app';
import { PolicyProfileProvider } from './policy-profile.provider';

const TABLE = `/api/v1/policy/tables/${COUNTY}/2026`;
const effective = (on: string) => `/api/v1/policy/effective?areaCode=${VILLAGE}&on=${on}`;

describe('policy tables (real PostgreSQL)', () => {
  const { call, get } = useTreeTestApp();

  it('resolves a county version over the national default from its effective date, other keys falling back', async () => {
    const line = {
      effectiveFrom: '2026-03-01',
      source: '醴陵市监测线调整',
      values: { monitoring_line_fen_per_capita_year: 700_000 },
    };
    expect((await call('PUT', TABLE, line)).body.tableVersion).toBe(`${COUNTY}-2026.v1`);
    expect((await call('GET', effective('2026-02-28'))).body).toMatchObject({
      regionCode: '000000000000',
      values: { monitoring_line_fen_per_capita_year: 650_000 },
    });
    expect((await call('GET', effective('2026-03-01'))).body).toMatchObject({
      regionCode: COUNTY,
      year: 2026,
      effectiveFrom: '2026-03-01',
      values: {
        monitoring_line_fen_per_capita_year: 700_000,
        response_working_days: 5,
        county_batch_min_working_days: 3,
      },
    });
    expect(await call('PUT', TABLE, line)).toMatchObject({ status: 409, body: { code: 'POLICY.VERSION_EXISTS' } });
    expect(await call('GET', effective('2023-05-01'))).toMatchObject({
      status: 404,
      body: { code: 'POLICY.NOT_FOUND' },
    });
    expect((await call('GET', `/api/v1/policy/tables?regionCode=${COUNTY}&year=2026`)).body).toEqual([
      expect.objectContaining({
        version: `${COUNTY}-2026.v1`,
        values: { monitoring_line_fen_per_capita_year: 700_000 },
      }),
    ]);
  });

  it('refuses fractions of a fen naming the field, and re-reads the profile after a new version', async () => {
    const profiles = get(PolicyProfileProvider);
    const before = await profiles.profileFor(VILLAGE, '2026-08-01');
    expect(before.monitoringLine).toEqual({ kind: 'AMOUNT', fenPerCapitaYear: 650_000 });
    const bad = { effectiveFrom: '2026-07-01', source: 's', values: { monitoring_line_fen_per_capita_year: 6500.5 } };
    expect(await call('PUT', TABLE, bad)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'values.monitoring_line_fen_per_capita_year' }] },
    });
    const elsewhere = await call('PUT', '/api/v1/policy/tables/430299000000/2026', {
      ...bad,
      values: { red_min_risk_points: 3 },
    });
    expect(elsewhere).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'regionCode', code: 'POLICY.UNKNOWN_REGION' }] },
    });
    const dibao = { monitoring_line_kind: 'DIBAO_STANDARD', dibao_standard_fen_per_person_month: 86_000 };
    await call('PUT', TABLE, { effectiveFrom: '2026-07-01', source: '东台式监测线', values: dibao });
    const after = await profiles.profileFor(VILLAGE, '2026-08-01');
    expect(after.monitoringLine).toEqual({ kind: 'DIBAO_STANDARD', dibaoFenPerPersonMonth: 86_000 });
  });
});
