import { extname, join } from 'path';
import { Worker } from 'worker_threads';
import { Logger } from '@nestjs/common';
import { PiiProtector, type ProtectedNumbers } from './pii';

interface Pending {
  numbers: string[];
  resolve: (result: ProtectedNumbers) => void;
}

/**
 * Batch intake's HMAC blind indexes and AES-GCM ciphertexts (about 40 µs of CPU a household) on a worker
 * thread, so the main thread, which validates, screens and writes, gets that time back. Only strings cross
 * between the threads. If the worker fails, the pending numbers and every later call are done on the main
 * thread: an import is never lost to the worker.
 */
export class PiiWorker {
  private readonly logger = new Logger(PiiWorker.name);
  private readonly inline: PiiProtector;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed = false;

  constructor(private readonly secret: string) {
    this.inline = new PiiProtector(secret);
  }

  /** Whether calls go to the worker thread (false once it failed or was closed). */
  get threaded(): boolean {
    return !this.failed;
  }

  protect(numbers: string[]): Promise<ProtectedNumbers> {
    if (numbers.length === 0) return Promise.resolve({ indexes: [], ciphers: [] });
    const worker = this.failed ? undefined : (this.worker ??= this.start());
    if (!worker) return Promise.resolve(this.inline.protect(numbers));
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, { numbers, resolve });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, numbers });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failed = true; // anything still asked after close is done inline
    this.drainInline();
    await worker?.terminate();
  }

  private start(): Worker | undefined {
    // Compiled code runs pii.worker.js; the TypeScript sources (tests) run pii.worker.ts through tsx.
    const file = join(__dirname, `pii.worker${extname(__filename)}`);
    const execArgv = extname(__filename) === '.ts' ? ['--require', 'tsx/cjs'] : [];
    try {
      const worker = new Worker(file, { workerData: { secret: this.secret }, execArgv });
      worker.unref();
      worker.on('message', (reply: ProtectedNumbers & { id: number }) => {
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (this.pending.size === 0) worker.unref();
        waiting.resolve({ indexes: reply.indexes, ciphers: reply.ciphers });
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.fail(new Error(`PII worker exited with code ${code}`));
      });
      return worker;
    } catch (error) {
      this.fail(error as Error);
      return undefined;
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.logger.warn(`PII worker unavailable, protecting ID numbers on the main thread: ${error.message}`);
    this.failed = true;
    this.worker = undefined;
    this.drainInline();
  }

  private drainInline(): void {
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.resolve(this.inline.protect(waiting.numbers));
    }
  }
}
