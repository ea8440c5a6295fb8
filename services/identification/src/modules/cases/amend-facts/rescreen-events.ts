import { randomUUID } from 'crypto';
import { createEnvelope, EVENT_TYPES, type ScreeningVerdict } from '@prp/contracts';
import type { HouseholdCaseEntity } from '../../../database';
import type { ScreeningResult } from '../../screening/domain';
import type { RevisionTrigger } from './facts-revisions';

export interface RescreenedFacts {
  kase: HouseholdCaseEntity;
  revisionNo: number;
  trigger: RevisionTrigger;
  changedBy: string;
  reason: string;
  previous: ScreeningVerdict;
  screening: ScreeningResult;
  status: string;
  changedAt: string;
}

/** `case.rescreened`: a case in the chain changed category, colour or verdict (or kept them) after new facts. */
export function rescreenedEvent(f: RescreenedFacts) {
  return createEnvelope({
    type: EVENT_TYPES.caseRescreened,
    eventId: randomUUID(),
    caseId: f.kase.id,
    areaCode: f.kase.areaCode,
    producer: 'identification',
    occurredAt: f.changedAt,
    payload: {
      revisionNo: f.revisionNo,
      trigger: f.trigger,
      changedBy: f.changedBy,
      reason: f.reason.slice(0, 2000),
      previous: f.previous,
      current: verdictOf(f.screening),
      policyVersion: f.screening.policyVersion,
      status: f.status,
      changedAt: f.changedAt,
    },
  });
}

export function verdictOf(screening: Pick<ScreeningResult, 'category' | 'colour' | 'qualifies'>): ScreeningVerdict {
  return { category: screening.category ?? null, colour: screening.colour ?? null, qualifies: screening.qualifies };
}

/** The verdict a case carried before the change (its stored screening may be a full result or a summary). */
export function storedVerdict(kase: HouseholdCaseEntity): ScreeningVerdict {
  const stored = kase.screening as { qualifies?: unknown } | null;
  return {
    category: (kase.category as ScreeningVerdict['category']) ?? null,
    colour: (kase.colour as ScreeningVerdict['colour']) ?? null,
    qualifies: typeof stored?.qualifies === 'boolean' ? stored.qualifies : null,
  };
}
