import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { type HelperRole, type UnavailabilityReason } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';
import {
  HelperCannotTakeException,
  HelperNotFoundException,
  NoHelperFitsException,
  ProposalNotFoundException,
  ProposalResolvedException,
  RecordClosedException,
  RecordNotFoundException,
} from '../shared/referral-errors';
import { emit } from '../shared/outbox';
import { todayInShanghai } from '../shared/dates';
import {
  activeAssignmentsOfCases,
  activeAssignmentsOfHelper,
  availableCandidates,
  candidateById,
  findRecord,
  findRecords,
  insertAssignment,
  lockAssignments,
  policyFor,
  type RecordRow,
} from './assignment.store';
import {
  assignHousehold,
  proposeReplacements,
  refusal,
  requiredSlots,
  SLOT_RULE_LABELS,
  type Slot,
  type SlotDecision,
} from './domain/assignment-rules';
import { areaPrefix } from './domain/area';
import type { AssignmentPolicy } from './domain/assignment-policy';

export interface AssignOutcome {
  caseId: string;
  status: RecordRow['status'];
  assigned: { assignmentId: string; helperId: string; role: HelperRole; level: string; rule: string }[];
  /** Roles still without a helper, and why (Chinese). */
  unfilled: { role: HelperRole; rule: string; reason: string }[];
}

/** Assigns helpers by the rules of the region, replaces unavailable ones, and counts households left without. */
@Injectable()
export class AssignmentService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  assign(caseId: string, request: { helperId?: string; role?: HelperRole; on?: string }): Promise<AssignOutcome> {
    return this.dataSource.transaction((manager) =>
      this.assignIn(manager, caseId, request.on ?? todayInShanghai(), request),
    );
  }

  /** In the caller's transaction: fills every slot the household lacks (by the rules, or with the named cadre). */
  async assignIn(
    manager: EntityManager,
    caseId: string,
    on: string,
    explicit: { helperId?: string; role?: HelperRole } = {},
  ): Promise<AssignOutcome> {
    const record = await findRecord(manager, caseId, true);
    if (!record) throw new RecordNotFoundException(caseId);
    if (record.status === 'CLOSED') throw new RecordClosedException(caseId);
    await lockAssignments(manager, record.areaCode);
    const policy = await policyFor(manager, record.residenceAreaCode ?? record.areaCode);
    const held = await activeAssignmentsOfCases(manager, [caseId]);
    const decisions = explicit.helperId
      ? await this.explicitDecision(manager, record, policy, held, explicit.helperId, explicit.role)
      : assignHousehold(record, policy, await availableCandidates(manager, record.areaCode), held).decisions;
    const assigned: AssignOutcome['assigned'] = [];
    for (const d of decisions) {
      if (!d.helperId || !d.level) continue;
      const assignmentId = await insertAssignment(manager, {
        caseId,
        assignee: d.slot.kind,
        assigneeId: d.helperId,
        role: d.slot.role,
        level: d.level,
        exclusive: d.slot.exclusive,
        rule: d.slot.rule,
        assignedOn: on,
      });
      await emit(manager, 'helper.assigned', record, {
        helperId: d.helperId,
        role: d.slot.role,
        assignedOn: on,
        level: d.level,
        assignmentId,
        assignee: d.slot.kind,
      });
      assigned.push({
        assignmentId,
        helperId: d.helperId,
        role: d.slot.role,
        level: d.level,
        rule: SLOT_RULE_LABELS[d.slot.rule],
      });
    }
    const unfilled = decisions
      .filter((d) => !d.helperId)
      .map((d) => ({
        role: d.slot.role,
        rule: SLOT_RULE_LABELS[d.slot.rule],
        reason: '暂无符合条件的在岗干部（请登记干部或手工指定）',
      }));
    const after = await findRecord(manager, caseId);
    return { caseId, status: after?.status ?? record.status, assigned, unfilled };
  }

  private async explicitDecision(
    manager: EntityManager,
    record: RecordRow,
    policy: AssignmentPolicy,
    held: { role: HelperRole; helperId: string }[],
    helperId: string,
    role: HelperRole | undefined,
  ): Promise<SlotDecision[]> {
    const slots = requiredSlots(record, policy).filter((s) => !held.some((a) => a.role === s.role));
    const slot: Slot | undefined = role ? slots.find((s) => s.role === role) : slots[0];
    if (!slot)
      throw new HelperCannotTakeException(helperId, role ? `该户的${role}帮扶责任人已落实` : '该户帮扶责任人均已落实');
    const helper = await candidateById(manager, helperId);
    if (!helper) throw new HelperNotFoundException(helperId);
    const reason = held.some((a) => a.helperId === helperId)
      ? '该干部已是此户的帮扶责任人'
      : refusal(helper, slot, policy);
    if (reason) throw new HelperCannotTakeException(helperId, reason);
    return [{ slot, helperId, level: helper.level }];
  }

  /**
   * A cadre can no longer help (in the caller's transaction, after their availability changed): every household
   * of theirs gets a replacement proposal and a `helper.unavailable` event; the old assignment stays in force.
   */
  async proposeReplacementsIn(
    manager: EntityManager,
    helperId: string,
    reason: UnavailabilityReason,
    since: string,
  ): Promise<number> {
    const mine = await activeAssignmentsOfHelper(manager, helperId);
    if (mine.length === 0) return 0;
    const caseIds = [...new Set(mine.map((a) => a.caseId))];
    const households = await findRecords(manager, caseIds);
    const all = await activeAssignmentsOfCases(manager, caseIds);
    const first = households.values().next().value as RecordRow;
    await lockAssignments(manager, first.areaCode);
    const policies = new Map<string, AssignmentPolicy>();
    for (const h of households.values())
      policies.set(h.caseId, await policyFor(manager, h.residenceAreaCode ?? h.areaCode));
    const proposals = proposeReplacements({
      helperId,
      assignments: all,
      households,
      candidates: await availableCandidates(manager, first.areaCode),
      policy: (h) => policies.get(h.caseId) as AssignmentPolicy,
    });
    let created = 0;
    for (const p of proposals) {
      const proposalId = randomUUID();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO replacement_proposal (id, case_id, old_assignment_id, old_helper_id, role, proposed_helper_id, reason, since, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PROPOSED')
         ON CONFLICT (old_assignment_id) WHERE status = 'PROPOSED' DO NOTHING RETURNING id`,
        [proposalId, p.caseId, p.oldAssignmentId, helperId, p.role, p.proposedHelperId, reason, since],
      );
      if (inserted.length === 0) continue;
      created++;
      const household = households.get(p.caseId) as RecordRow;
      await emit(manager, 'helper.unavailable', household, {
        helperId,
        reason,
        since,
        role: p.role,
        proposalId,
        ...(p.proposedHelperId ? { proposedHelperId: p.proposedHelperId } : {}),
      });
    }
    return created;
  }

  listProposals(query: {
    status?: 'PROPOSED' | 'ASSIGNED' | 'WITHDRAWN';
    areaCode?: string;
    limit: number;
    offset: number;
  }) {
    return this.dataSource.query(
      `SELECT p.id, p.case_id AS "caseId", p.role, p.old_helper_id AS "oldHelperId", p.proposed_helper_id AS "proposedHelperId",
              p.reason, to_char(p.since, 'YYYY-MM-DD') AS since, p.status, p.new_assignment_id AS "newAssignmentId", r.area_code AS "areaCode"
       FROM replacement_proposal p JOIN assistance_record r ON r.case_id = p.case_id
       WHERE ($1::text IS NULL OR p.status = $1) AND r.area_code LIKE $2
       ORDER BY p.created_at, p.id LIMIT $3 OFFSET $4`,
      [query.status ?? null, `${query.areaCode ? areaPrefix(query.areaCode) : ''}%`, query.limit, query.offset],
    );
  }

  /** Puts a replacement in force: the old assignment ends and the new one starts in one transaction. */
  confirmReplacement(proposalId: string, request: { helperId?: string; on?: string }) {
    return this.dataSource.transaction(async (manager) => {
      const rows: {
        case_id: string;
        old_assignment_id: string;
        old_helper_id: string;
        role: HelperRole;
        proposed_helper_id: string | null;
        status: string;
        reason: string;
      }[] = await manager.query(
        `SELECT case_id, old_assignment_id, old_helper_id, role, proposed_helper_id, status, reason FROM replacement_proposal WHERE id = $1 FOR UPDATE`,
        [proposalId],
      );
      const proposal = rows[0];
      if (!proposal) throw new ProposalNotFoundException(proposalId);
      if (proposal.status !== 'PROPOSED') throw new ProposalResolvedException(proposalId);
      const helperId = request.helperId ?? proposal.proposed_helper_id;
      if (!helperId) throw new NoHelperFitsException();
      const on = request.on ?? todayInShanghai();
      const record = await findRecord(manager, proposal.case_id, true);
      if (!record) throw new RecordNotFoundException(proposal.case_id);
      await lockAssignments(manager, record.areaCode);
      const policy = await policyFor(manager, record.residenceAreaCode ?? record.areaCode);
      const slot = requiredSlots(record, policy).find((s) => s.role === proposal.role && s.kind === 'CADRE');
      const helper = await candidateById(manager, helperId);
      if (!helper) throw new HelperNotFoundException(helperId);
      const others = (await activeAssignmentsOfCases(manager, [record.caseId])).filter(
        (a) => a.assignmentId !== proposal.old_assignment_id,
      );
      const reason = !slot
        ? '此户按现行规则不再需要该角色的干部'
        : others.some((a) => a.helperId === helperId) || helperId === proposal.old_helper_id
          ? '该干部已是此户的帮扶责任人'
          : refusal(helper, slot, policy);
      if (reason || !slot) throw new HelperCannotTakeException(helperId, reason ?? '');
      await manager.query(
        `UPDATE helper_assignment SET ended_on = $2, end_reason = $3 WHERE id = $1 AND ended_on IS NULL`,
        [proposal.old_assignment_id, on, `REPLACED:${proposal.reason}`],
      );
      const assignmentId = await insertAssignment(manager, {
        caseId: record.caseId,
        assignee: 'CADRE',
        assigneeId: helperId,
        role: proposal.role,
        level: helper.level,
        exclusive: slot.exclusive,
        rule: slot.rule,
        assignedOn: on,
      });
      await manager.query(
        `UPDATE replacement_proposal SET status = 'ASSIGNED', new_assignment_id = $2, resolved_at = now() WHERE id = $1`,
        [proposalId, assignmentId],
      );
      await emit(manager, 'helper.replaced', record, {
        oldHelperId: proposal.old_helper_id,
        helperId,
        role: proposal.role,
        assignedOn: on,
        level: helper.level,
        assignmentId,
      });
      return { proposalId, caseId: record.caseId, assignmentId, helperId, role: proposal.role, assignedOn: on };
    });
  }

  /**
   * Tries again for every household of an area still waiting for a helper (e.g. after cadres were registered),
   * each in its own transaction; returns how many got one.
   */
  async assignPending(areaCode: string, on: string = todayInShanghai()) {
    const rows: { case_id: string }[] = await this.dataSource.query(
      `SELECT case_id FROM assistance_record WHERE status = 'AWAITING_HELPER' AND area_code LIKE $1 ORDER BY included_on, case_id LIMIT 1000`,
      [`${areaPrefix(areaCode)}%`],
    );
    let assigned = 0;
    for (const row of rows) {
      const outcome = await this.assign(row.case_id, { on });
      if (outcome.assigned.length > 0) assigned++;
    }
    return { examined: rows.length, assigned, stillWithout: rows.length - assigned };
  }

  /** Open households (risk not eliminated) with no helper in force; should always be zero once assigned. */
  async withoutHelper(areaCode?: string) {
    const rows: { case_id: string; area_code: string; included_on: string; total: number }[] =
      await this.dataSource.query(
        `SELECT r.case_id, r.area_code, to_char(r.included_on, 'YYYY-MM-DD') AS included_on, count(*) OVER ()::int AS total
       FROM assistance_record r
       WHERE r.status <> 'CLOSED' AND r.area_code LIKE $1
         AND NOT EXISTS (SELECT 1 FROM helper_assignment a WHERE a.case_id = r.case_id AND a.ended_on IS NULL)
       ORDER BY r.included_on, r.case_id LIMIT 200`,
        [`${areaCode ? areaPrefix(areaCode) : ''}%`],
      );
    return {
      count: rows[0]?.total ?? 0,
      households: rows.map((r) => ({ caseId: r.case_id, areaCode: r.area_code, includedOn: r.included_on })),
    };
  }
}
