// `npm run seed`: the demo county's areas, calendar data check, policy defaults, demo helpers, a demo area API key
// for the demo county (issued through the admin endpoint, printed once), and three demo households submitted with it
// through the identification API (idempotency keys make a second run change nothing).
import { Client } from 'pg';
import { toShanghaiDate } from '@prp/calendar';
import {
  DEMO_AREAS,
  DEMO_COUNTY,
  DEMO_DIBAO_COUNTY,
  DEMO_DIBAO_POLICY,
  DEMO_POLICY,
  demoHouseholds,
} from './demo-data';

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://prp:prp@127.0.0.1:55432/prp_dev';
const identificationUrl = process.env['IDENTIFICATION_URL'] ?? 'http://127.0.0.1:3001';
const referralUrl = process.env['REFERRAL_URL'] ?? 'http://127.0.0.1:3002';
const adminToken = process.env['IDENTIFICATION_ADMIN_TOKEN'];
const DEMO_KEY_NAME = '演示县全部权限密钥（npm run seed）';

/** Demo cadres of the demo county: a city-level cadre for RED/YELLOW registered households, and locals. */
const DEMO_HELPERS = [
  { name: '周建国', level: 'CITY', unit: '株洲市农业农村局', areaCode: '430200000000', capacity: 2 },
  { name: '李红梅', level: 'TOWNSHIP', unit: '东富镇人民政府', areaCode: '430281101000', capacity: 4 },
  { name: '王志强', level: 'VILLAGE', unit: '新塘村村民委员会', areaCode: '430281101201', capacity: 4 },
] as const;

async function seedHelpers(): Promise<void> {
  for (const helper of DEMO_HELPERS) {
    const listed = await fetch(`${referralUrl}/api/v1/helpers?areaCode=${helper.areaCode}&pageSize=200`);
    if (!listed.ok) throw new Error(`helpers list: ${listed.status}`);
    const { items } = (await listed.json()) as { items: { name: string }[] };
    if (items.some((h) => h.name === helper.name)) continue;
    const created = await fetch(`${referralUrl}/api/v1/helpers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(helper),
    });
    if (!created.ok) throw new Error(`demo helper ${helper.name}: ${created.status} ${await created.text()}`);
    console.log(`  帮扶干部 ${helper.name}（${helper.unit}）`);
  }
}

async function seedReferenceData(): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('SET search_path = identification');
    for (const a of DEMO_AREAS) {
      await db.query(
        `INSERT INTO area (code, name, level, parent_code, registered_poor_population) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
           registered_poor_population = COALESCE(area.registered_poor_population, EXCLUDED.registered_poor_population)`,
        [a.code, a.name, a.level, a.parent, a.registeredPoorPopulation ?? null],
      );
    }
    const year = Number(toShanghaiDate(new Date()).slice(0, 4));
    const tables = [
      ...DEMO_POLICY.map((p) => ({ ...p, region: DEMO_COUNTY })),
      ...DEMO_DIBAO_POLICY.map((p) => ({ ...p, region: DEMO_DIBAO_COUNTY })),
    ];
    for (const p of tables) {
      await db.query(
        `INSERT INTO policy_parameter (region_code, year, key, value, effective_from, source) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [p.region, year, p.key, JSON.stringify(p.value), `${year}-01-01`, p.source],
      );
    }
    console.log(`  areas: ${DEMO_AREAS.length}, policy parameters: ${tables.length} (${year})`);
  } finally {
    await db.end();
  }
}

function daysAgo(days: number): string {
  return toShanghaiDate(new Date(Date.now() - days * 86_400_000));
}

async function adminPost(path: string, body?: unknown): Promise<Record<string, unknown>> {
  if (!adminToken) throw new Error('IDENTIFICATION_ADMIN_TOKEN is not set: run `source deploy/local/env.sh` first');
  const response = await fetch(`${identificationUrl}/api/v1/admin/api-keys${path}`, {
    method: 'POST',
    headers: { 'x-admin-token': adminToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const result = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`admin ${path || 'create key'}: ${response.status} ${JSON.stringify(result)}`);
  return result;
}

/** Revokes the demo keys of earlier runs (their keys were shown once and are gone) and issues a fresh one. */
async function seedDemoKey(): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const earlier = await db.query<{ id: string }>(
      `SELECT id FROM identification.api_key WHERE name = $1 AND revoked_at IS NULL`,
      [DEMO_KEY_NAME],
    );
    for (const { id } of earlier.rows) await adminPost(`/${id}/revoke`);
  } finally {
    await db.end();
  }
  const scopes = ['INTAKE', 'APPROVAL', 'COUNTY_APPROVAL', 'ADMIN'];
  const issued = await adminPost('', { name: DEMO_KEY_NAME, areaCode: DEMO_COUNTY, scopes });
  const apiKey = issued['apiKey'] as string;
  console.log(`  区划API密钥（醴陵市 ${DEMO_COUNTY}，${scopes.join('/')}，只显示这一次）：${apiKey}`);
  console.log(`    curl -H 'x-api-key: ${apiKey}' '${identificationUrl}/api/v1/cases?areaCode=430281101000'`);
  return apiKey;
}

async function seedHouseholds(apiKey: string): Promise<void> {
  for (const { key, body } of demoHouseholds(daysAgo)) {
    const response = await fetch(`${identificationUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    type Result = {
      caseNo?: string;
      status?: string;
      responseDue?: { dueDate: string };
      screening?: { reasons: string[] };
      message?: string;
    };
    const result = (await response.json()) as Result;
    if (response.status === 409) {
      console.log(`  ${key}: seeded on an earlier day, kept as it is`);
      continue;
    }
    if (!response.ok) throw new Error(`demo household ${key}: ${response.status} ${result.message ?? ''}`);
    const due = result.responseDue ? `，响应时限 ${result.responseDue.dueDate}` : '';
    console.log(
      `  ${result.caseNo} ${body.household.members[0].name} 发现于 ${body.discoveredOn}：${result.status}${due}`,
    );
  }
}

async function main(): Promise<void> {
  await seedReferenceData();
  await seedHelpers();
  await seedHouseholds(await seedDemoKey());
}

main().catch((error: unknown) => {
  console.error('演示数据写入失败 seed failed:', error);
  process.exit(1);
});
