import { ContractViolationError } from '@prp/contracts';
import { backoffDelay, decideAfterFailure, retryPolicy } from './retry-policy';

describe('retry policy', () => {
  it('defaults to 5 attempts starting at 200 ms', () => {
    expect(retryPolicy()).toEqual({ maxAttempts: 5, baseBackoffMs: 200, maxBackoffMs: 30_000 });
  });

  it('doubles the backoff per failed attempt and caps it', () => {
    const policy = retryPolicy({ retryBackoffMs: 1_000 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(backoffDelay(policy, 500)).toBe(30_000);
  });

  it('retries until the last attempt, then dead-letters', () => {
    const policy = retryPolicy({ maxAttempts: 3, retryBackoffMs: 10 });
    const failure = new Error('数据库暂时不可用');
    expect(decideAfterFailure(policy, 1, failure)).toEqual({ action: 'retry', delayMs: 10 });
    expect(decideAfterFailure(policy, 2, failure)).toEqual({ action: 'retry', delayMs: 20 });
    expect(decideAfterFailure(policy, 3, failure)).toEqual({ action: 'dead-letter' });
  });

  it('dead-letters a contract violation at once: retrying cannot fix the message', () => {
    const violation = new ContractViolationError([{ path: 'payload.x', message: 'bad' }]);
    expect(decideAfterFailure(retryPolicy(), 1, violation)).toEqual({ action: 'dead-letter' });
  });

  it('with maxAttempts 1 never retries', () => {
    expect(decideAfterFailure(retryPolicy({ maxAttempts: 1 }), 1, new Error('x'))).toEqual({ action: 'dead-letter' });
  });

  it('refuses nonsense settings', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxAttempts: 2.5 })).toThrow(RangeError);
    expect(() => retryPolicy({ retryBackoffMs: -1 })).toThrow(RangeError);
  });
});
