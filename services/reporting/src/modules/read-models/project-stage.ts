import type { EntityManager } from 'typeorm';
import { ASSISTANCE_DEADLINE_KINDS, type DeadlineKind, type Envelope, type EventPayloads } from '@prp/contracts';
import { lockCase } from './case-lock';
import { clockResolvedBy } from './clock-resolution';

type Event<K extends keyof EventPayloads> = Envelope<K, EventPayloads[K]>;

/** A submitted case waits for its first contact until a step says otherwise. */
export async function projectSubmitted(manager: EntityManager, event: Event<'case.submitted'>): Promise<void> {
  await manager.query(
    `INSERT INTO case_stage (case_id, area_code, step, flow_version, changed_at) VALUES ($1, $2, 'AWAITING_RESPONSE', $3, $4)
     ON CONFLICT (case_id) DO NOTHING`,
    [event.caseId, event.areaCode, event.payload.flowVersion ?? null, event.occurredAt],
  );
}

export async function projectStepRecorded(manager: EntityManager, event: Event<'case.step-recorded'>): Promise<void> {
  const p = event.payload;
  await manager.query(
    `INSERT INTO case_stage (case_id, area_code, step, last_step, last_result, flow_version, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (case_id) DO UPDATE SET step = EXCLUDED.step, last_step = EXCLUDED.last_step,
       last_result = EXCLUDED.last_result, flow_version = EXCLUDED.flow_version, changed_at = EXCLUDED.changed_at`,
    [event.caseId, event.areaCode, p.resultingStep, p.step, p.result, p.flowVersion, p.decidedAt],
  );
  const kind = clockResolvedBy(p.step, p.result);
  if (kind) await resolveClock(manager, event.caseId, kind, p.decidedAt, p.decisionId);
}

export async function projectResponded(manager: EntityManager, event: Event<'case.responded'>): Promise<void> {
  await resolveClock(manager, event.caseId, 'RESPONSE', event.payload.respondedAt, event.eventId);
}

/**
 * The chain ended: the case's stage is its outcome and none of its approval clocks is still owed. The
 * assistance clocks of an included household (which may be consumed before the decision) stay open.
 */
export async function projectDecided(manager: EntityManager, event: Event<'case.decided'>): Promise<void> {
  const p = event.payload;
  await manager.query(
    `INSERT INTO case_stage (case_id, area_code, step, outcome, last_step, changed_at) VALUES ($1, $2, $3, $3, $4, $5)
     ON CONFLICT (case_id) DO UPDATE SET step = EXCLUDED.step, outcome = EXCLUDED.outcome, changed_at = EXCLUDED.changed_at`,
    [event.caseId, event.areaCode, p.outcome, p.decidedAtLevel, p.decidedAt],
  );
  await manager.query(
    `UPDATE overdue_item SET resolved_at = $2, resolved_by = $3
     WHERE case_id = $1 AND resolved_at IS NULL AND kind <> ALL($4::text[])`,
    [event.caseId, p.decidedAt, p.decisionId, [...ASSISTANCE_DEADLINE_KINDS]],
  );
}

/** The upgraded (BLUE) household now waits for its first contact. */
export async function projectRiskPoint(
  manager: EntityManager,
  event: Event<'case.risk-point-reported'>,
): Promise<void> {
  await manager.query(
    `INSERT INTO case_stage (case_id, area_code, step, changed_at) VALUES ($1, $2, 'AWAITING_RESPONSE', $3)
     ON CONFLICT (case_id) DO UPDATE SET step = 'AWAITING_RESPONSE', changed_at = EXCLUDED.changed_at
     WHERE case_stage.step = 'BLUE_WATCH'`,
    [event.caseId, event.areaCode, event.payload.observedAt],
  );
}

async function resolveClock(manager: EntityManager, caseId: string, kind: DeadlineKind, at: string, by: string) {
  await lockCase(manager, caseId);
  await manager.query(
    `INSERT INTO clock_resolution (case_id, kind, resolved_at, decision_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, kind) DO NOTHING`,
    [caseId, kind, at, by],
  );
  await manager.query(
    `UPDATE overdue_item SET resolved_at = $3, resolved_by = $4 WHERE case_id = $1 AND kind = $2 AND resolved_at IS NULL`,
    [caseId, kind, at, by],
  );
}
