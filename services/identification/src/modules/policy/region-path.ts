/** The national default region of the policy tables. */
export const NATIONAL_REGION = '000000000000';

/**
 * The statistical codes from a 12-digit area code up to the nation, most specific first:
 * 430281101201 → 430281101201, 430281101000, 430281000000, 430200000000, 430000000000, 000000000000.
 * Statistical codes nest by prefix (2 province, 2 city, 2 county, 3 township, 3 village digits).
 */
export function regionPath(areaCode: string): string[] {
  const lengths = [12, 9, 6, 4, 2];
  const path = lengths.map((length) => areaCode.slice(0, length).padEnd(12, '0'));
  return [...new Set([...path, NATIONAL_REGION])];
}
