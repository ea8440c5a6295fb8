// `npm run seed`: the demo county's areas, calendar data check, policy defaults, and three demo households
// submitted through the identification API (idempotency keys make a second run change nothing).
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

async function seedHouseholds(): Promise<void> {
  for (const { key, body } of demoHouseholds(daysAgo)) {
    const response = await fetch(`${identificationUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
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
  await seedHouseholds();
}

main().catch((error: unknown) => {
  console.error('演示数据写入失败 seed failed:', error);
  process.exit(1);
});
