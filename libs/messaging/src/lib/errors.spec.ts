import { withTimeout } from './errors';

describe('withTimeout', () => {
  it('returns the result when the work finishes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000, () => new Error('late'))).resolves.toBe(7);
  });

  it('fails with the given error when the work takes too long', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 10, () => new Error('太慢'))).rejects.toThrow('太慢');
  });
});
