/** One (region, effective date) pair of rows a policy version label pins. */
export interface PinnedSource {
  regionCode: string;
  effectiveFrom: string;
}

export interface ParsedVersionLabel {
  year: number;
  /** In label order: most specific region first (see `toEffectivePolicy`). */
  sources: PinnedSource[];
}

const SOURCE = /^(\d{12})@(\d{4}-\d{2}-\d{2})$/;

/**
 * Reads a label written by `toEffectivePolicy`: `<year>/<region>@<effectiveFrom>+<region>@<effectiveFrom>...`.
 * Returns undefined for anything else (older labels such as `DEFAULT-2021.1`, typos).
 */
export function parseVersionLabel(label: string): ParsedVersionLabel | undefined {
  const slash = label.indexOf('/');
  const year = label.slice(0, slash);
  if (slash !== 4 || !/^\d{4}$/.test(year)) return undefined;
  const sources: PinnedSource[] = [];
  for (const part of label.slice(slash + 1).split('+')) {
    const match = SOURCE.exec(part);
    if (!match) return undefined;
    sources.push({ regionCode: match[1], effectiveFrom: match[2] });
  }
  return { year: Number(year), sources };
}
