import { groupVersions } from './policy-versions';

describe('policy table versions', () => {
  it('numbers a county’s versions for a year by effective date, each with only the keys it sets', () => {
    const rows = [
      { key: 'monitoring_line_fen_per_capita_year', value: 650_000, effectiveFrom: '2026-01-01', source: 'a' },
      { key: 'response_working_days', value: 5, effectiveFrom: '2026-01-01', source: 'a' },
      { key: 'monitoring_line_fen_per_capita_year', value: 700_000, effectiveFrom: '2026-07-01', source: 'b' },
    ];
    expect(groupVersions('430281000000', 2026, rows)).toEqual([
      {
        version: '430281000000-2026.v1',
        effectiveFrom: '2026-01-01',
        source: 'a',
        values: { monitoring_line_fen_per_capita_year: 650_000, response_working_days: 5 },
      },
      {
        version: '430281000000-2026.v2',
        effectiveFrom: '2026-07-01',
        source: 'b',
        values: { monitoring_line_fen_per_capita_year: 700_000 },
      },
    ]);
  });
});
