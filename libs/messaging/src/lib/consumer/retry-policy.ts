import { ContractViolationError } from '@prp/contracts';

export interface RetryPolicy {
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_RETRY_BACKOFF_MS = 200;
export const MAX_RETRY_BACKOFF_MS = 30_000;

export function retryPolicy(options: { maxAttempts?: number; retryBackoffMs?: number } = {}): RetryPolicy {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseBackoffMs = options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  if (!(baseBackoffMs >= 0)) throw new RangeError(`retryBackoffMs must be >= 0, got ${baseBackoffMs}`);
  return { maxAttempts, baseBackoffMs, maxBackoffMs: Math.max(MAX_RETRY_BACKOFF_MS, baseBackoffMs) };
}

/** Delay before attempt `failedAttempt + 1`: base, 2×base, 4×base, … capped. */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number): number {
  const exponent = Math.min(Math.max(failedAttempt - 1, 0), 30);
  return Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** exponent);
}

/** A handler error that no retry can fix: the message itself is wrong. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof ContractViolationError;
}

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter' };

/** What to do after the handler failed on attempt `attempt` (1-based). */
export function decideAfterFailure(policy: RetryPolicy, attempt: number, error: unknown): FailureDecision {
  if (attempt >= policy.maxAttempts || isPermanentFailure(error)) return { action: 'dead-letter' };
  return { action: 'retry', delayMs: backoffDelay(policy, attempt) };
}
