import { COUNTY, useTreeTestApp, VILLAGE } from '../areas/test/tree-test-app';
import { PolicyService } from './policy.service';

const ON = '2026-11-02';
const NATIONAL_2026 = '2026/000000000000@2026-01-01';

describe('policy by version label (real PostgreSQL)', () => {
  const { get } = useTreeTestApp();

  it('rebuilds the policy a screening used after a newer version took its place, and the newer one by its own label', async () => {
    const policy = get(PolicyService);
    await policy.addVersion(COUNTY, 2026, '2026-03-01', '醴陵市监测线调整', {
      monitoring_line_fen_per_capita_year: 700_000,
      rigid_expenditure_ratio_basis_points: 12_000,
    });
    const used = await policy.profileFor(VILLAGE, ON);
    expect(used.version).toBe(`2026/${COUNTY}@2026-03-01+${NATIONAL_2026.slice(5)}`);

    await policy.addVersion(COUNTY, 2026, '2026-06-01', '醴陵市监测线再调整', {
      monitoring_line_fen_per_capita_year: 720_000,
    });
    const current = await policy.profileFor(VILLAGE, ON);
    expect(current.version).toBe(`2026/${COUNTY}@2026-03-01+${COUNTY}@2026-06-01+000000000000@2026-01-01`);
    expect(current.monitoringLine).toEqual({ kind: 'AMOUNT', fenPerCapitaYear: 720_000 });

    await expect(policy.profileOfVersion(VILLAGE, used.version)).resolves.toEqual(used);
    await expect(policy.profileOfVersion(VILLAGE, current.version)).resolves.toEqual(current);
    expect((await policy.effectiveByVersion(VILLAGE, used.version)).values).toMatchObject({
      monitoring_line_fen_per_capita_year: 700_000,
      rigid_expenditure_ratio_basis_points: 12_000,
      response_working_days: 5,
    });
    const national = await policy.profileOfVersion(VILLAGE, NATIONAL_2026);
    expect(national).toMatchObject({ regionCode: '000000000000', monitoringLine: { fenPerCapitaYear: 650_000 } });
  });

  it('refuses a label it cannot rebuild for the area with POLICY.VERSION_UNKNOWN', async () => {
    const policy = get(PolicyService);
    await policy.addVersion(COUNTY, 2026, '2026-03-01', '醴陵市监测线调整', {
      monitoring_line_fen_per_capita_year: 700_000,
    });
    const unknown = { response: { code: 'POLICY.VERSION_UNKNOWN' } };
    for (const label of [
      'DEFAULT-2021.1',
      `2026/${COUNTY}@2026-04-01+000000000000@2026-01-01`, // no rows on that date
      `2026/000000000000@2026-01-01+${COUNTY}@2026-03-01`, // rows exist, but the label was not written in this order
      '2026/450222000000@2026-01-01+000000000000@2026-01-01', // another county, not on the village's path
    ])
      await expect(policy.profileOfVersion(VILLAGE, label)).rejects.toMatchObject(unknown);
  });
});
