import type { Client as PgClient } from 'pg';
import { toShanghaiDate } from '@prp/calendar';
import { householdFacts } from './households';

/** The demo county's 新塘村 (醴陵市 东富镇), where the end-to-end households live. */
export const VILLAGE = '430281101201';
export const COUNTY = '430281';
/** 东富镇, the demo village's township, and 醴陵市 as 12-digit area codes (what area keys are issued for). */
export const TOWNSHIP_AREA = '430281101000';
export const COUNTY_AREA = '430281000000';

export const daysAgo = (n: number) => toShanghaiDate(new Date(Date.now() - n * 86_400_000));
export const instantDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** A submission of a household of three; 12,000 yuan a year (4,000 per capita) is under the 6,500 line. */
export function household(marker: string, discoveredOn = daysAgo(30), annualWageYuan = 12_000) {
  return {
    villageCode: VILLAGE,
    channel: 'CADRE_VISIT',
    discoveredOn,
    discoveredBy: marker,
    household: householdFacts(discoveredOn, annualWageYuan),
  };
}

/** The branch of the area tree the tests submit into. */
export async function insertTestAreas(db: PgClient) {
  const areas = [
    ['430000000000', '湖南省', 'PROVINCE', null],
    ['430200000000', '株洲市', 'CITY', '430000000000'],
    ['430281000000', '醴陵市', 'COUNTY', '430200000000'],
    ['430281101000', '东富镇', 'TOWNSHIP', '430281000000'],
    [VILLAGE, '新塘村', 'VILLAGE', '430281101000'],
  ];
  for (const area of areas) {
    await db.query(
      `INSERT INTO identification.area (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      area,
    );
  }
}

export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Area keys of the identification service under test (issued in `beforeAll` by `useIdentificationKeys`):
 * every request to it carries the township key unless the caller sends a key of its own (`asCountyOffice()`).
 */
const areaKeys = { identification: '', township: '', county: '' };

/** Admin token of the identification service: the one the e2e processes inherit (deploy/local/env.sh exports it). */
export function identificationAdminToken(): string {
  const token = process.env['IDENTIFICATION_ADMIN_TOKEN'];
  if (!token || token.length < 24) {
    throw new Error('IDENTIFICATION_ADMIN_TOKEN (≥ 24 characters) is not set: run `source deploy/local/env.sh` first');
  }
  return token;
}

/** Issues an area API key through the admin endpoint; returns the key (shown only this once). */
export async function issueAreaKey(identification: string, areaCode: string, scopes: string[]): Promise<string> {
  const res = await request(
    'POST',
    `${identification}/api/v1/admin/api-keys`,
    { name: `e2e ${areaCode} ${scopes.join('+')}`, areaCode, scopes },
    { 'x-admin-token': identificationAdminToken() },
  );
  if (res.status !== 201)
    throw new Error(`area key for ${areaCode} refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body['apiKey'] as string;
}

/** A township key (东富镇: intake and the approval chain) and a county key (醴陵市: the monthly county batch). */
export async function useIdentificationKeys(identification: string): Promise<void> {
  areaKeys.township = await issueAreaKey(identification, TOWNSHIP_AREA, ['INTAKE', 'APPROVAL']);
  areaKeys.county = await issueAreaKey(identification, COUNTY_AREA, ['COUNTY_APPROVAL']);
  areaKeys.identification = identification;
}

/** Headers of a call made by the county office (its key instead of the township's). */
export const asCountyOffice = (): Record<string, string> => ({ 'x-api-key': areaKeys.county });

function withAreaKey(url: string, headers: Record<string, string>): Record<string, string> {
  const toIdentification = areaKeys.identification !== '' && url.startsWith(`${areaKeys.identification}/`);
  return toIdentification && !('x-api-key' in headers) ? { 'x-api-key': areaKeys.township, ...headers } : headers;
}

export async function request(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...withAreaKey(url, headers) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function post(url: string, body: unknown, idempotencyKey?: string): Promise<JsonResponse> {
  return request('POST', url, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  return request('GET', url, undefined, headers);
}
