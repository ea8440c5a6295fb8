import type { PolicyValues } from './policy-keys';

/** The policy values in force for an area on a day, and the exact rows that made them. */
export interface EffectivePolicy {
  /** The most specific region that contributed a value. */
  regionCode: string;
  year: number;
  /** Pins the rows used: `<year>/<region>@<effectiveFrom>+...`, most specific region first. */
  version: string;
  /** The latest effective date among the rows used. */
  effectiveFrom: string;
  values: PolicyValues;
}

export interface PolicyRow {
  key: string;
  value: unknown;
  region_code: string;
  effective_from: string;
}

/** Builds the effective policy from rows already reduced to one per key (most specific region, latest date). */
export function toEffectivePolicy(rows: PolicyRow[], path: string[], year: number): EffectivePolicy | undefined {
  if (rows.length === 0) return undefined;
  const sources = [...new Set(rows.map((row) => `${row.region_code}@${row.effective_from}`))].sort(
    (a, b) => path.indexOf(a.slice(0, 12)) - path.indexOf(b.slice(0, 12)) || a.localeCompare(b),
  );
  return {
    regionCode: sources[0].slice(0, 12),
    year,
    version: `${year}/${sources.join('+')}`,
    effectiveFrom: rows
      .map((row) => row.effective_from)
      .sort()
      .at(-1) as string,
    values: Object.fromEntries(rows.map((row) => [row.key, row.value])) as PolicyValues,
  };
}
