// Worker thread of `PiiWorker`: blind indexes and ciphertexts with the very `PiiProtector` the main thread uses.
import { parentPort, workerData } from 'worker_threads';
import { PiiProtector } from './pii';

interface Request {
  id: number;
  numbers: string[];
}

const pii = new PiiProtector((workerData as { secret: string }).secret);
parentPort?.on('message', ({ id, numbers }: Request) => parentPort?.postMessage({ id, ...pii.protect(numbers) }));
