import { createHash } from 'crypto';
import { parseOrThrow } from '@prp/service-kit';
import { maskHousehold } from './household-members';
import { requestHash, submissionJson } from './submission-json';
import { SubmitCaseSchema, type SubmitCaseRequest } from './submit-case/submit-case.dto';
import { householdFacts } from './test/households';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function submission(
  overrides: Record<string, unknown> = {},
  household: Record<string, unknown> = {},
): SubmitCaseRequest {
  return parseOrThrow(SubmitCaseSchema, {
    villageCode: '430281101201',
    channel: 'CADRE_VISIT',
    discoveredOn: '2026-11-02',
    discoveredBy: '村委\\二组\t"老李"',
    ...overrides,
    household: { ...householdFacts('2026-11-02', 12_000, 7), ...household },
  });
}

describe('submissionJson', () => {
  const cases: [string, SubmitCaseRequest][] = [
    ['a plain household', submission()],
    [
      'every optional field',
      submission(
        { identificationMonth: '2026-10' },
        {
          hukouAreaCode: '430281101201',
          residenceAreaCode: '430281101202',
          lastYearIncomeFen: 1_234_567,
          incomes: [
            { type: 'WAGE', month: '2025-11', amountFen: 120_000 },
            { type: 'BASIC_PENSION', month: '2025-12', amountFen: 0 },
          ],
          expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: '2026-01', amountFen: 5_000_000 }],
          riskPoints: ['ILLNESS'],
        },
      ),
    ],
    [
      'names with quotes, backslashes, four characters and characters outside the BMP',
      submission(
        {},
        {
          members: householdFacts('2026-11-02', 1, 9).members.map((m, i) => ({
            ...m,
            name: ['欧阳"娜娜', '钱\\秀英', '𠮷野家'][i],
          })),
        },
      ),
    ],
  ];

  it.each(cases)(
    'gives the hash of JSON.stringify(request) and the masked facts JSON.stringify gives: %s',
    (_, request) => {
      const { requestHash: hash, facts } = submissionJson(request);
      expect(hash).toBe(sha256(JSON.stringify(request)));
      expect(hash).toBe(requestHash(request));
      expect(facts).toBe(JSON.stringify(maskHousehold(request.household)));
      expect(JSON.parse(facts).members[0].idCardNumber).toMatch(/^430281\*{8}\d{3}[\dX]$/);
    },
  );
});
