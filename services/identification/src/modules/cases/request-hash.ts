import { createHash } from 'crypto';
import type { SubmitCaseRequest } from './submit-case/submit-case.dto';

/**
 * The idempotency hash of a submission: SHA-256 of the validated body as JSON (keys in the schema's order). Single
 * and batch intake both hash through here, so a household resent through the other door is still a replay.
 */
export function requestHash(request: SubmitCaseRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
