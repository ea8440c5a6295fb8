/** PostgreSQL's unique_violation (SQLSTATE 23505), e.g. a concurrent writer that took the same idempotency key first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
