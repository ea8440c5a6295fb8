import type { Client as PgClient } from 'pg';
import { toShanghaiDate } from '@prp/calendar';
import { householdFacts } from './households';

/** The demo county's 新塘村 (醴陵市 东富镇), where the end-to-end households live. */
export const VILLAGE = '430281101201';
export const COUNTY = '430281';

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

export async function request(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
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
