import { parseVersionLabel } from './version-label';

describe('policy version labels', () => {
  it('reads the year and every pinned (region, effective date), most specific region first', () => {
    expect(parseVersionLabel('2026/430281000000@2026-03-01+000000000000@2026-01-01')).toEqual({
      year: 2026,
      sources: [
        { regionCode: '430281000000', effectiveFrom: '2026-03-01' },
        { regionCode: '000000000000', effectiveFrom: '2026-01-01' },
      ],
    });
  });

  it('refuses labels it did not write', () => {
    for (const label of [
      'DEFAULT-2021.1',
      '2026/',
      '2026/43028100000@2026-03-01',
      '2026/430281000000@2026-03-01+',
      '26/000000000000@2026-01-01',
    ])
      expect(parseVersionLabel(label)).toBeUndefined();
  });
});
