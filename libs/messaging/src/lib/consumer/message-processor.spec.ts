import { ContractViolationError, TOPICS, type DeadLetterRecord } from '@prp/contracts';
import { caseSubmitted } from '../../../test/support/events';
import type { DeadLetterMessage, IncomingMessage } from './dead-letter';
import { processMessage, type ProcessingContext } from './message-processor';
import { retryPolicy } from './retry-policy';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

function harness(handle: ProcessingContext['handle'], overrides: Partial<ProcessingContext> = {}) {
  const deadLetters: DeadLetterMessage[] = [];
  const sleeps: number[] = [];
  const ctx: ProcessingContext = {
    consumerGroup: 'test-group',
    handle,
    policy: retryPolicy({ maxAttempts: 3, retryBackoffMs: 100 }),
    publishDeadLetter: async (m) => void deadLetters.push(m),
    heartbeat: jest.fn(async () => undefined),
    isActive: () => true,
    sleep: async (ms) => void sleeps.push(ms),
    logger: silent,
    ...overrides,
  };
  const record = () => JSON.parse(deadLetters[0]?.value ?? 'null') as DeadLetterRecord;
  return { ctx, deadLetters, sleeps, record };
}

function message(value: string | null): IncomingMessage {
  return { topic: TOPICS.caseEvents, partition: 0, offset: '7', key: 'k-1', value, headers: {} };
}

describe('processMessage', () => {
  it('hands a valid event and its origin to the handler', async () => {
    const event = caseSubmitted();
    const handle = jest.fn(async () => undefined);
    const { ctx, deadLetters } = harness(handle);
    await expect(processMessage(message(JSON.stringify(event)), ctx)).resolves.toBe('handled');
    expect(handle).toHaveBeenCalledWith(event, { topic: TOPICS.caseEvents, partition: 0, offset: '7', key: 'k-1' });
    expect(deadLetters).toHaveLength(0);
  });

  it('dead-letters a poison message at once without calling the handler', async () => {
    const handle = jest.fn(async () => undefined);
    const { ctx, record, sleeps } = harness(handle);
    await expect(processMessage(message('{oops'), ctx)).resolves.toBe('dead-lettered');
    expect(handle).not.toHaveBeenCalled();
    expect(sleeps).toEqual([]);
    expect(record()).toMatchObject({ value: '{oops', key: 'k-1', offset: '7', consumerGroup: 'test-group', error: { code: 'MESSAGING.INVALID_JSON' } });
  });

  it('retries a failing handler with growing backoff and heartbeats, then succeeds', async () => {
    let calls = 0;
    const { ctx, sleeps } = harness(async () => {
      if (++calls < 3) throw new Error('暂时失败');
    });
    await expect(processMessage(message(JSON.stringify(caseSubmitted())), ctx)).resolves.toBe('handled');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
    expect(ctx.heartbeat).toHaveBeenCalled();
  });

  it('dead-letters after maxAttempts failures, keeping the error and the attempt count', async () => {
    const handle = jest.fn(async () => {
      throw Object.assign(new Error('下游拒绝'), { code: 'REFERRAL.REJECTED' });
    });
    const { ctx, record } = harness(handle);
    await expect(processMessage(message(JSON.stringify(caseSubmitted())), ctx)).resolves.toBe('dead-lettered');
    expect(handle).toHaveBeenCalledTimes(3);
    expect(record().error).toEqual({ code: 'REFERRAL.REJECTED', message: '消息处理失败（已尝试3次）：下游拒绝' });
  });

  it('uses MESSAGING.HANDLER_FAILED for a handler error without a code', async () => {
    const { ctx, record } = harness(async () => {
      throw new Error('boom');
    });
    await processMessage(message(JSON.stringify(caseSubmitted())), ctx);
    expect(record().error.code).toBe('MESSAGING.HANDLER_FAILED');
  });

  it('does not retry a contract violation raised by the handler', async () => {
    const handle = jest.fn(async () => {
      throw new ContractViolationError([{ path: 'payload.caseNo', message: '缺失' }]);
    });
    const { ctx, record } = harness(handle);
    await expect(processMessage(message(JSON.stringify(caseSubmitted())), ctx)).resolves.toBe('dead-lettered');
    expect(handle).toHaveBeenCalledTimes(1);
    expect(record().error.issues).toEqual([{ path: 'payload.caseNo', message: '缺失' }]);
  });

  it('keeps trying to publish the dead letter until the broker takes it: nothing is lost', async () => {
    let tries = 0;
    const { ctx, deadLetters } = harness(async () => undefined, {
      publishDeadLetter: async (m) => {
        if (++tries < 3) throw new Error('broker down');
        deadLetters.push(m);
      },
    });
    await expect(processMessage(message('not json'), ctx)).resolves.toBe('dead-lettered');
    expect(deadLetters).toHaveLength(1);
  });

  it('gives up unresolved when the consumer stops during a retry wait', async () => {
    let active = true;
    const handle = jest.fn(async () => {
      throw new Error('fails');
    });
    const { ctx, deadLetters } = harness(handle, { isActive: () => active, sleep: async () => void (active = false) });
    await expect(processMessage(message(JSON.stringify(caseSubmitted())), ctx)).resolves.toBe('interrupted');
    expect(handle).toHaveBeenCalledTimes(1);
    expect(deadLetters).toHaveLength(0);
  });

  it('heartbeats at least every second during a long backoff', async () => {
    const { ctx, sleeps } = harness(async () => {
      throw new Error('x');
    }, { policy: retryPolicy({ maxAttempts: 2, retryBackoffMs: 3_500 }) });
    await processMessage(message(JSON.stringify(caseSubmitted())), ctx);
    expect(sleeps).toEqual([1_000, 1_000, 1_000, 500]);
    expect((ctx.heartbeat as jest.Mock).mock.calls.length).toBeGreaterThanOrEqual(5);
  });
});
