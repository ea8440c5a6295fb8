import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { RecordNotFoundException } from '../shared/referral-errors';
import { findRecord } from './assignment.store';

/** One household's assistance file: record, helpers (current and past), plans, tasks, visits. */
@Injectable()
export class AssistanceQueryService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async get(caseId: string) {
    const record = await findRecord(this.dataSource.manager, caseId);
    if (!record) throw new RecordNotFoundException(caseId);
    const q = (sql: string) => this.dataSource.query(sql, [caseId]);
    const [helpers, proposals, plans, tasks, visits] = await Promise.all([
      q(`SELECT a.id AS "assignmentId", a.assignee_id AS "helperId", a.assignee, a.role, a.level, a.exclusive, a.rule,
                to_char(a.assigned_on, 'YYYY-MM-DD') AS "assignedOn", to_char(a.ended_on, 'YYYY-MM-DD') AS "endedOn",
                a.end_reason AS "endReason", h.name, h.unit, h.area_code AS "helperAreaCode"
         FROM helper_assignment a LEFT JOIN helper h ON h.id = a.helper_id WHERE a.case_id = $1 ORDER BY a.created_at`),
      q(`SELECT id, role, old_helper_id AS "oldHelperId", proposed_helper_id AS "proposedHelperId", reason,
                to_char(since, 'YYYY-MM-DD') AS since, status FROM replacement_proposal WHERE case_id = $1 ORDER BY created_at`),
      q(`SELECT id AS "planId", to_char(agreed_on, 'YYYY-MM-DD') AS "agreedOn", recorded_by AS "recordedBy",
                household_consent AS "householdConsent", needs FROM assistance_plan WHERE case_id = $1 ORDER BY created_at`),
      q(`SELECT id AS "taskId", plan_id AS "planId", measure, department, need, status, to_char(created_on, 'YYYY-MM-DD') AS "createdOn",
                return_reason AS "returnReason" FROM department_task WHERE case_id = $1 ORDER BY created_at, id`),
      q(`SELECT id AS "visitId", helper_id AS "helperId", to_char(visited_on, 'YYYY-MM-DD') AS "visitedOn", quarter, findings,
                new_risk_points AS "newRiskPoints" FROM visit WHERE case_id = $1 ORDER BY visited_on, created_at`),
    ]);
    const active = (helpers as { endedOn: string | null }[]).filter((h) => h.endedOn === null);
    return {
      ...record,
      helpers: active,
      formerHelpers: helpers.filter((h: { endedOn: string | null }) => h.endedOn !== null),
      replacementProposals: proposals,
      plans,
      tasks,
      visits,
    };
  }
}
