import { createHash } from 'crypto';

/** What a key may do: submit households, record approval steps, decide county batches, administer. */
export const API_KEY_SCOPES = ['INTAKE', 'APPROVAL', 'COUNTY_APPROVAL', 'ADMIN'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A key for this code covers the whole country (policy defaults, the national calendar). */
export const NATIONAL_AREA = '000000000000';
export const API_KEY_HEADER = 'x-api-key';

/** The authenticated caller: the key's name and id, its area and what it may do there. */
export interface ApiKeyPrincipal {
  id: string;
  name: string;
  areaCode: string;
  /** Significant digits of the area: every code under it starts with them ('' for the whole country). */
  areaPrefix: string;
  scopes: ApiKeyScope[];
}

/** Keys are stored only as their SHA-256 hash; the key itself is shown once, when issued. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * `430281101000` → `430281101`: the prefix every area under a 12-digit statistical code shares
 * (2/4/6/9/12 digits); the national code has the empty prefix.
 */
export function keyAreaPrefix(areaCode: string): string {
  if (/^0+$/.test(areaCode)) return '';
  const length = [2, 4, 6, 9].find((digits) => /^0+$/.test(areaCode.slice(digits))) ?? 12;
  return areaCode.slice(0, length);
}

/** The key covers an area (12 digits, or a 15-digit village group) when the area lies inside its own. */
export function covers(key: Pick<ApiKeyPrincipal, 'areaPrefix'>, areaCode: string): boolean {
  return areaCode.startsWith(key.areaPrefix);
}

/** The key's area and another area share ground: one lies inside the other. */
export function overlaps(key: Pick<ApiKeyPrincipal, 'areaPrefix'>, areaCode: string): boolean {
  const other = keyAreaPrefix(areaCode);
  return other.startsWith(key.areaPrefix) || key.areaPrefix.startsWith(other);
}

/**
 * The condition a list query adds for a key: `area_code LIKE prefix%`; an area filter outside the key's
 * area is refused by the caller (null here). Without a key (modules built without the guard) no bound.
 */
export function listAreaPrefix(
  key: ApiKeyPrincipal | undefined,
  requested: string | undefined,
): string | null | undefined {
  const wanted = requested === undefined ? undefined : keyAreaPrefix(requested);
  if (!key) return wanted;
  if (wanted === undefined) return key.areaPrefix;
  return covers(key, requested ?? '') ? wanted : null;
}
