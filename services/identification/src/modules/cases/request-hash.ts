import { hash } from 'crypto';
import type { SubmitCaseRequest } from './submit-case/submit-case.dto';

/**
 * The idempotency hash of a submission: SHA-256 of the validated body as JSON (keys in the schema's order), in hex.
 * Single and batch intake both hash through here, so a household resent through the other door is still a replay.
 * `crypto.hash` (one call, no Hash object) is the same digest as `createHash(...).update(...).digest('hex')`.
 */
export function requestHash(request: SubmitCaseRequest): string {
  return hash('sha256', JSON.stringify(request), 'hex');
}
