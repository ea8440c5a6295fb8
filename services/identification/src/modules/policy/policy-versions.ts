import type { PolicyValues } from './policy-keys';

export interface PolicyTableVersion {
  /** `<region>-<year>.v<n>`, numbered by effective date; versions are only appended, so a label never moves. */
  version: string;
  effectiveFrom: string;
  source: string;
  values: PolicyValues;
}

export interface PolicyVersionRow {
  key: string;
  value: unknown;
  effectiveFrom: string;
  source: string;
}

export const versionLabel = (regionCode: string, year: number, n: number) => `${regionCode}-${year}.v${n}`;

/** Groups a region's rows for a year (ordered by effective date) into its numbered versions. */
export function groupVersions(regionCode: string, year: number, rows: PolicyVersionRow[]): PolicyTableVersion[] {
  const versions: PolicyTableVersion[] = [];
  for (const row of rows) {
    let current = versions.at(-1);
    if (current?.effectiveFrom !== row.effectiveFrom) {
      current = { version: '', effectiveFrom: row.effectiveFrom, source: row.source, values: {} };
      versions.push(current);
      current.version = versionLabel(regionCode, year, versions.length);
    }
    (current.values as Record<string, unknown>)[row.key] = row.value;
  }
  return versions;
}
