import type { DeadlineKind } from '@prp/contracts';

/**
 * The statutory clock a recorded step stops (policy.md §2): the first contact stops RESPONSE; an
 * approved township re-check completes verification and determination; the county's decision closes
 * its monthly batch. Other steps leave the clocks running.
 */
export function clockResolvedBy(step: string, result: string): DeadlineKind | null {
  if (step === 'RESPONSE') return 'RESPONSE';
  if (step === 'TOWNSHIP_RECHECK' && result === 'APPROVED') return 'DETERMINATION';
  if (step === 'COUNTY_APPROVAL') return 'COUNTY_BATCH';
  return null;
}
