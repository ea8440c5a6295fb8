import type { EntityManager } from 'typeorm';
import {
  ContractViolationError,
  DecidedHouseholdSchema,
  EVENT_TYPES,
  type AnyEnvelope,
  type DecidedHousehold,
} from '@prp/contracts';
import { toShanghaiDate } from '@prp/calendar';
import type { IdempotentEffect } from '@prp/messaging';

/**
 * The household summary on `case.decided` (optional; absent → the general rule). A summary that is present
 * but malformed makes the message poison (dead letter), rather than silently assigning by the wrong rule.
 */
export function householdOf(event: Extract<AnyEnvelope, { type: 'case.decided' }>): DecidedHousehold {
  const raw = (event.payload as Record<string, unknown>)['household'];
  if (raw === undefined || raw === null) return {};
  const parsed = DecidedHouseholdSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ContractViolationError(
    parsed.error.issues.map((i) => ({
      path: ['payload', 'household', ...i.path.map(String)].join('.'),
      message: i.message,
    })),
    event.type,
  );
}

/** Opens the assistance record of an included household; true when it was new. Runs in the consumer's transaction. */
export async function openRecord(
  manager: EntityManager,
  event: Extract<AnyEnvelope, { type: 'case.decided' }>,
): Promise<boolean> {
  const h = householdOf(event);
  const inserted: unknown[] = await manager.query(
    `INSERT INTO assistance_record (case_id, area_code, colour, category, registered_poor, relocated, hukou_area_code,
       residence_area_code, member_count, status, included_on, decision_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'AWAITING_HELPER', $10, $11)
     ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [
      event.caseId,
      event.areaCode,
      h.colour ?? null,
      h.category ?? null,
      h.registeredPoor ?? null,
      h.relocated ?? null,
      h.hukouAreaCode ?? null,
      h.residenceAreaCode ?? null,
      h.memberCount ?? null,
      toShanghaiDate(event.payload.decidedAt),
      event.payload.decisionId,
    ],
  );
  return inserted.length > 0;
}

/** The consumer's effect: an INCLUDED decision opens a record, then (if enabled) helpers are assigned at once. */
export function inclusionEffect(
  afterOpen: (manager: EntityManager, caseId: string) => Promise<unknown>,
): IdempotentEffect {
  return async (manager, event) => {
    if (event.type !== EVENT_TYPES.caseDecided || event.payload.outcome !== 'INCLUDED') return;
    if (await openRecord(manager, event)) await afterOpen(manager, event.caseId);
  };
}
