import { createHash } from 'crypto';

/**
 * A name-based UUID (version 5 layout, SHA-1) for one case in one county's monthly batch, so posting
 * the same batch again records nothing twice.
 */
export function batchDecisionId(countyCode: string, month: string, caseId: string): string {
  const hash = createHash('sha1').update(`county-batch:${countyCode}:${month}:${caseId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
