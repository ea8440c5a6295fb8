import { createHash } from 'crypto';
import { requestHash } from './request-hash';
import { SubmitCaseSchema } from './submit-case/submit-case.dto';
import { householdFacts } from './test/households';

describe('request hash', () => {
  it('is the SHA-256 hex of the request JSON, so cases stored before still answer their replays', () => {
    const request = SubmitCaseSchema.parse({
      villageCode: '430281101202',
      channel: 'CADRE_VISIT',
      discoveredOn: '2026-11-02',
      discoveredBy: '村委张三',
      household: householdFacts('2026-11-02', 12_000, 1),
    });
    const expected = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    expect(requestHash(request)).toBe(expected);
    expect(requestHash(request)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash({ ...request, discoveredBy: '村委李四' })).not.toBe(expected);
  });
});
