import { householdFacts } from '../test/households';
import { BatchRecordSchema } from './batch-record';
import { fastBatchRecord, shadowsSchemas } from './fast-batch-record';

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

function validRecord(n: number): Record<string, unknown> {
  const rnd = random(n + 7);
  const household = householdFacts('2026-11-02', rnd.pick([12_000, 60_000]), n) as Record<string, unknown>;
  const members = household['members'] as Record<string, unknown>[];
  if (n % 3 === 0) members[0]['name'] = `  ${String(members[0]['name'])} `;
  if (n % 5 === 0) members[1]['idCardNumber'] = ` ${String(members[1]['idCardNumber'])}  `;
  if (n % 4 === 0) household['riskPoints'] = ['ILLNESS', 'SCHOOLING'];
  if (n % 6 === 0) household['expenses'] = [{ type: 'OUT_OF_POCKET_MEDICAL', month: '2026-03', amountFen: 150_000 }];
  if (n % 7 === 0) Object.assign(household, { hukouAreaCode: '430281101201', lastYearIncomeFen: 0 });
  if (n % 8 === 0) household['residenceAreaCode'] = '430281101202';
  const record: Record<string, unknown> = {
    idempotencyKey: n % 2 === 0 ? `  key-${n}-abcdef ` : `key-${n}-abcdef`,
    household,
    villageCode: '430281101201',
    channel: rnd.pick(['CADRE_VISIT', 'SELF_APPLICATION', 'DEPARTMENT_ALERT']),
    discoveredOn: '2026-11-02',
    discoveredBy: n % 3 === 0 ? ' 网格员张三 ' : '网格员张三',
  };
  if (n % 9 === 0) record['identificationMonth'] = '2026-10';
  return record;
}

/** Every path to a value (object keys and array positions) in a JSON tree. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string, unknown>)[key], [...prefix, key]))];
}

const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  'OTHER',
  'HEAD',
  'CHILD',
  'WAGE',
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  {},
  'a'.repeat(51),
  'a'.repeat(129),
  '1234567',
  '2023-02-29',
  '2024-02-29',
  '2026-13-01',
  '2026-1-01',
  '2026-00',
  '2026-12',
  '43028110120',
  ' 430281101201',
  '430281101201',
  '43028119750412001x',
];

function mutate(record: Record<string, unknown>, rnd: ReturnType<typeof random>) {
  const copy = structuredClone(record);
  const all = paths(copy).filter((path) => path.length > 0);
  for (let k = 0; k < 1 + Math.floor(rnd.next() * 2); k++) {
    const path = rnd.pick(all);
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], copy);
    if (typeof parent !== 'object' || parent === null) continue;
    const key = path[path.length - 1];
    const target = parent as Record<string | number, unknown>;
    const choice = rnd.next();
    if (choice < 0.1) target[`extra${k}`] = 1;
    else if (choice < 0.2 && Array.isArray(target)) target.push(structuredClone(target[0]));
    else {
      const value = rnd.pick(REPLACEMENTS);
      if (value === undefined && !Array.isArray(target)) delete target[key];
      else target[key] = value;
    }
  }
  return copy;
}

describe('fast batch-record validation', () => {
  it('shadows every field of the zod schemas it stands in for', () => {
    expect(shadowsSchemas()).toBe(true);
  });

  it('accepts valid households and returns exactly what the schema returns, keys in the same order', () => {
    let kept = 0;
    for (let n = 0; n < 300; n++) {
      const record = validRecord(n);
      const given = structuredClone(record);
      const fast = fastBatchRecord(given);
      const zod = BatchRecordSchema.parse(structuredClone(record));
      expect(fast).toBeDefined();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
      if (fast?.household === given['household']) kept++;
    }
    // Both ways are compared above: households taken as sent (keys in order, nothing to trim) and copies.
    expect(kept).toBeGreaterThan(50);
    expect(kept).toBeLessThan(250);
  });

  it('copies a household whose keys come out of order, into the order zod gives', () => {
    const record = validRecord(1);
    const household = record['household'] as Record<string, unknown>;
    const reordered = { ...record, household: { guarantees: household['guarantees'], ...household } };
    const given = structuredClone(reordered);
    const fast = fastBatchRecord(given);
    expect(fast?.household).not.toBe(given.household);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(BatchRecordSchema.parse(structuredClone(reordered))));
    expect(Object.keys(fast?.household ?? {}).pop()).toBe('childrenAbleToSupport');
  });

  it('never accepts what the schema refuses, nor returns anything else than it does (20,000 broken records)', () => {
    let refusedByBoth = 0;
    for (let seed = 1; seed <= 20_000; seed++) {
      const rnd = random(seed);
      const record = mutate(validRecord(seed % 300), rnd);
      const fast = fastBatchRecord(structuredClone(record));
      const zod = BatchRecordSchema.safeParse(structuredClone(record));
      if (fast === undefined) {
        if (!zod.success) refusedByBoth++;
        continue;
      }
      if (!zod.success) throw new Error(`seed ${seed}: accepted what zod refuses: ${JSON.stringify(zod.error.issues)}`);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    }
    expect(refusedByBoth).toBeGreaterThan(10_000); // the mutations do break records
  });

  it('leaves records with more than one household head, or an ID number twice, to the schema', () => {
    const record = validRecord(1);
    const members = (record['household'] as { members: Record<string, unknown>[] }).members;
    members[1]['relation'] = 'HEAD';
    expect(fastBatchRecord(record)).toBeUndefined();
    const twice = validRecord(2);
    const same = (twice['household'] as { members: Record<string, unknown>[] }).members;
    same.push({ ...same[2], relation: 'OTHER' });
    expect(fastBatchRecord(twice)).toBeUndefined();
    expect(BatchRecordSchema.safeParse(twice).success).toBe(false);
  });
});
