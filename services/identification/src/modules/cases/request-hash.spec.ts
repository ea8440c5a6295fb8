import { createHash } from 'crypto';
import { requestHash } from './request-hash';
import type { SubmitCaseRequest } from './submit-case/submit-case.dto';

describe('request hash', () => {
  it('is the SHA-256 hex of the request JSON, so cases stored before still answer their replays', () => {
    const request = {
      villageCode: '430281101202',
      channel: 'CADRE_VISIT',
      discoveredOn: '2026-11-02',
      discoveredBy: '村委张三',
      household: { members: [{ name: '赵铁柱', idCardNumber: '430281195001010027' }] },
    } as unknown as SubmitCaseRequest;
    const expected = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    expect(requestHash(request)).toBe(expected);
    expect(requestHash(request)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash({ ...request, discoveredBy: '村委李四' })).not.toBe(expected);
  });
});
