import { PiiProtector } from './pii';
import { decryptIdCard as decrypt, PII_TEST_SECRET as SECRET } from './test/decrypt-id';
import { PiiWorker } from './pii-worker';

const numbers = Array.from({ length: 3_000 }, (_, i) => `43028119500101${String(i).padStart(3, '0')}x`);

describe('ID numbers protected on a worker thread', () => {
  const inline = new PiiProtector(SECRET);

  it('gives the blind indexes of the main thread and ciphertexts that decrypt to the upper-cased numbers', async () => {
    const worker = new PiiWorker(SECRET);
    try {
      const [a, b] = await Promise.all([worker.protect(numbers.slice(0, 1_500)), worker.protect(numbers.slice(1_500))]);
      expect(worker.threaded).toBe(true);
      expect([...a.indexes, ...b.indexes]).toEqual(numbers.map((n) => inline.blindIndex(n)));
      expect([...a.ciphers, ...b.ciphers].map(decrypt)).toEqual(numbers.map((n) => n.toUpperCase()));
    } finally {
      await worker.close();
    }
  });

  it('finishes on the main thread what a failed worker left, and everything after', async () => {
    const worker = new PiiWorker(SECRET);
    const pending = worker.protect(numbers);
    await (worker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    const result = await pending;
    expect(worker.threaded).toBe(false);
    expect(result.indexes).toEqual(numbers.map((n) => inline.blindIndex(n)));
    expect(result.ciphers.map(decrypt)).toEqual(numbers.map((n) => n.toUpperCase()));
    const later = await worker.protect(['430281195001010019']);
    expect(later.indexes).toEqual([inline.blindIndex('430281195001010019')]);
    await worker.close();
  });
});
