import { fastBatchRecord } from './batch-intake/fast-batch-record';
import { maskHousehold } from './household-members';
import { requestAndFactsJson, requestJson } from './household-json';
import { SubmitCaseSchema, type SubmitCaseRequest } from './submit-case/submit-case.dto';
import { HOUSEHOLD_KEYS, MEMBER_KEYS, MONEY_KEYS, REQUEST_KEYS, submissionKeysMatchSchemas } from './submission-keys';
import { householdFacts, idCard } from './test/households';

/** Names and "who found it" that JSON must escape, or that are more than one UTF-16 unit a character. */
const TEXTS = [
  '赵铁柱',
  '欧阳娜娜',
  'O"Neil',
  'C:\\档案',
  '第一行\n第二行',
  '\t张三\u0001',
  '𠀀𠀁',
  '\ud800孤',
  '</script>',
];

/** A valid submission, every optional field and vocabulary value varied by `n`. */
function submission(n: number): Record<string, unknown> {
  const household = householdFacts('2026-11-02', [12_000, 60_000, 0][n % 3], n) as Record<string, unknown>;
  const members = household['members'] as Record<string, unknown>[];
  members.forEach((m, i) => (m['name'] = TEXTS[(n + i) % TEXTS.length]));
  if (n % 4 === 0) members[2]['idCardNumber'] = idCard('2012-01-20', 10).toLowerCase();
  if (n % 4 === 0) members[2]['birthDate'] = '2012-01-20';
  if (n % 5 === 0) members[1]['health'] = 'SERIOUS_ILLNESS';
  if (n % 2 === 0) household['riskPoints'] = ['ILLNESS', 'SCHOOLING'].slice(0, 1 + (n % 4 === 0 ? 1 : 0));
  if (n % 3 === 0)
    household['expenses'] = [
      { type: 'OUT_OF_POCKET_MEDICAL', month: '2026-03', amountFen: 150_000 },
      { type: 'EDUCATION', month: '2026-04', amountFen: 1 },
    ];
  if (n % 6 === 0) household['incomes'] = [];
  if (n % 7 === 0) household['hukouAreaCode'] = '430281101201';
  if (n % 8 === 0) household['residenceAreaCode'] = '430281101202';
  if (n % 9 === 0) household['lastYearIncomeFen'] = n % 2 === 0 ? 0 : 9_007_199_254_740_991;
  household['guarantees'] = { ...(household['guarantees'] as object), basicMedical: n % 2 === 0 };
  household['registeredPoor'] = n % 10 === 0;
  household['childrenAbleToSupport'] = n % 11 === 0;
  const request: Record<string, unknown> = {
    villageCode: '430281101201',
    channel: ['CADRE_VISIT', 'SELF_APPLICATION', 'DEPARTMENT_ALERT'][n % 3],
    discoveredOn: '2026-11-02',
    discoveredBy: TEXTS[n % TEXTS.length],
  };
  if (n % 3 === 1) request['identificationMonth'] = '2026-10';
  request['household'] = household;
  return request;
}

describe('JSON of a submission and of its masked facts', () => {
  it('lists the fields the schemas have, in their order', () => {
    expect(submissionKeysMatchSchemas()).toBe(true);
  });

  it('writes every field of the schemas when a submission has them all', () => {
    const all = submission(7 * 8 * 9); // area codes, last year's income and expenses set
    const household = all['household'] as Record<string, unknown>;
    household['incomes'] = [{ type: 'WAGE', month: '2026-01', amountFen: 1 }];
    const request = SubmitCaseSchema.parse({ ...all, identificationMonth: '2026-10' });
    const written = JSON.parse(requestJson(request));
    expect(Object.keys(written)).toEqual([...REQUEST_KEYS]);
    expect(Object.keys(written.household)).toEqual([...HOUSEHOLD_KEYS]);
    expect(Object.keys(written.household.members[0])).toEqual([...MEMBER_KEYS]);
    expect(Object.keys(written.household.incomes[0])).toEqual([...MONEY_KEYS]);
    expect(Object.keys(written.household.expenses[0])).toEqual([...MONEY_KEYS]);
    expect(requestJson(request)).toBe(JSON.stringify(request));
  });

  it('is character for character what JSON.stringify makes, the facts masked as maskHousehold masks them', () => {
    for (let n = 0; n < 500; n++) {
      const request: SubmitCaseRequest = SubmitCaseSchema.parse(submission(n));
      const both = requestAndFactsJson(request);
      expect(both.request).toBe(JSON.stringify(request));
      expect(requestJson(request)).toBe(both.request);
      expect(both.facts).toBe(JSON.stringify(maskHousehold(request.household)));
      expect(JSON.parse(both.facts).members[0].idCardNumber).toMatch(/^\d{6}\*{8}[\dXx]{4}$/);
    }
  });

  it('is the same for a batch record taken as sent', () => {
    for (let n = 0; n < 100; n++) {
      const record = fastBatchRecord({ ...submission(n), idempotencyKey: `key-${n}-abcdef` });
      expect(record).toBeDefined();
      const { idempotencyKey: _key, ...request } = record as NonNullable<typeof record>;
      expect(requestAndFactsJson(request).request).toBe(JSON.stringify(request));
      expect(requestAndFactsJson(request).facts).toBe(JSON.stringify(maskHousehold(request.household)));
    }
  });
});
