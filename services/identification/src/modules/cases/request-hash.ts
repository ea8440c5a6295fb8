import { hash } from 'crypto';
import { requestJson } from './household-json';
import type { SubmitCaseRequest } from './submit-case/submit-case.dto';

/**
 * The idempotency hash of a submission: SHA-256 of the validated body as JSON (keys in the schema's order, as
 * `JSON.stringify` writes it: see `requestJson`), in hex. Single and batch intake both hash through here, so a
 * household resent through the other door is still a replay.
 */
export function requestHash(request: SubmitCaseRequest): string {
  return hashOfRequestJson(requestJson(request));
}

/** `requestHash` of a request whose JSON is at hand. One `crypto.hash` call: the same digest as a Hash object's. */
export function hashOfRequestJson(json: string): string {
  return hash('sha256', json, 'hex');
}
