import { randomUUID } from 'crypto';
import { createEnvelope, EVENT_TYPES } from '@prp/contracts';

/** A valid `case.submitted` event for a fresh (or given) case. */
export function caseSubmitted(caseId: string = randomUUID(), eventId: string = randomUUID()) {
  return createEnvelope({
    type: EVENT_TYPES.caseSubmitted,
    eventId,
    caseId,
    areaCode: '430281101201',
    producer: 'messaging-test',
    payload: {
      caseNo: `JC-TEST-${caseId.slice(0, 8)}`,
      channel: 'CADRE_VISIT',
      discoveredOn: '2026-11-20',
      discoveredBy: '村干部张三',
      memberCount: 4,
      householdHeadMasked: '李*',
    },
  });
}
