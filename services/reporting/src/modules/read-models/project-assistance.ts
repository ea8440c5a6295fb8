import type { EntityManager } from 'typeorm';
import {
  replacementOf,
  resolutionsOf,
  RESOLUTION_MATCHES,
  type AssistanceEnvelope,
  type AssistanceResolution,
} from './assistance-resolution';
import { lockCase } from './case-lock';
import { projectTask } from './project-task';

/** Folds one assistance fact into the helper and task read models and closes the overdue items it settles. */
export async function projectAssistance(manager: EntityManager, event: AssistanceEnvelope): Promise<void> {
  await lockCase(manager, event.caseId);
  const resolutions = [...resolutionsOf(event), ...(await followHelpers(manager, event))];
  await projectTask(manager, event);
  for (const resolution of resolutions) await recordResolution(manager, event, resolution);
  if (resolutions.length) await closeResolvedItems(manager, event.caseId);
}

/**
 * Follows the household's helpers. An assignment for a role whose helper is unavailable (and not yet
 * replaced) replaces that helper, as the workflow reads it: its replacement clock is settled too.
 */
async function followHelpers(manager: EntityManager, event: AssistanceEnvelope): Promise<AssistanceResolution[]> {
  switch (event.type) {
    case 'helper.assigned': {
      const { helperId, role, assignedOn } = event.payload;
      // A plain UPDATE ... RETURNING comes back from TypeORM as [rows, count]; the CTE returns the rows.
      const leaving: { helper_id: string }[] = await manager.query(
        `WITH leaving AS (UPDATE assistance_helper SET replaced_on = $4
           WHERE case_id = $1 AND role = $2 AND helper_id <> $3 AND unavailable_since IS NOT NULL AND replaced_on IS NULL
           RETURNING helper_id)
         SELECT helper_id FROM leaving`,
        [event.caseId, role, helperId, assignedOn],
      );
      await assign(manager, event.caseId, helperId, role, assignedOn);
      return leaving.map((h) => replacementOf(h.helper_id, role, assignedOn));
    }
    case 'helper.replaced': {
      const { oldHelperId, helperId, role, assignedOn } = event.payload;
      await manager.query(
        `INSERT INTO assistance_helper (case_id, helper_id, role, replaced_on) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, helper_id) DO UPDATE SET replaced_on = coalesce(assistance_helper.replaced_on, EXCLUDED.replaced_on)`,
        [event.caseId, oldHelperId, role, assignedOn],
      );
      await assign(manager, event.caseId, helperId, role, assignedOn);
      return [];
    }
    case 'helper.unavailable': {
      const { helperId, role, since } = event.payload;
      await manager.query(
        `INSERT INTO assistance_helper (case_id, helper_id, role, unavailable_since) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, helper_id) DO UPDATE SET role = coalesce(assistance_helper.role, EXCLUDED.role),
           unavailable_since = coalesce(assistance_helper.unavailable_since, EXCLUDED.unavailable_since)`,
        [event.caseId, helperId, role ?? null, since],
      );
      return [];
    }
    default:
      return [];
  }
}

async function assign(manager: EntityManager, caseId: string, helperId: string, role: string, on: string) {
  await manager.query(
    `INSERT INTO assistance_helper (case_id, helper_id, role, assigned_on) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, helper_id) DO UPDATE SET role = EXCLUDED.role,
       assigned_on = coalesce(assistance_helper.assigned_on, EXCLUDED.assigned_on)`,
    [caseId, helperId, role, on],
  );
}

/** Remembers the fact (the first one per case, kind and subject is kept). */
async function recordResolution(manager: EntityManager, event: AssistanceEnvelope, r: AssistanceResolution) {
  await manager.query(
    `INSERT INTO assistance_resolution (case_id, kind, match_key, role, helper_id, task_id, period, period_to,
       resolved_on, resolved_at, resolved_by, resolved_by_type)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (case_id, kind, match_key) DO NOTHING`,
    [
      event.caseId,
      r.kind,
      r.matchKey,
      r.role ?? null,
      r.helperId ?? null,
      r.taskId ?? null,
      r.period ?? null,
      r.periodTo ?? null,
      r.on,
      event.occurredAt,
      event.eventId,
      event.type,
    ],
  );
}

/**
 * Closes the case's open overdue items that a remembered fact settles (the earliest such fact is named);
 * called after a fact and after an overdue item is stored, so the order of arrival does not matter.
 */
export async function closeResolvedItems(manager: EntityManager, caseId: string): Promise<void> {
  const earliest = `FROM assistance_resolution r WHERE ${RESOLUTION_MATCHES}`;
  await manager.query(
    `UPDATE overdue_item o SET (resolved_at, resolved_by, resolved_on, resolved_by_type) =
       (SELECT r.resolved_at, r.resolved_by, r.resolved_on, r.resolved_by_type ${earliest}
        ORDER BY r.resolved_on, r.resolved_at LIMIT 1)
     WHERE o.case_id = $1 AND o.resolved_at IS NULL AND EXISTS (SELECT 1 ${earliest})`,
    [caseId],
  );
}
