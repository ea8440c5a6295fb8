import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toShanghaiDate } from '@prp/calendar';
import { addToOutbox } from '@prp/messaging';
import { HouseholdCaseEntity } from '../../../database';
import { CalendarService } from '../../calendar/calendar.service';
import { PolicyService } from '../../policy/policy.service';
import { toPolicyProfile } from '../../policy/to-policy-profile';
import {
  screenHousehold,
  summarizeScreening,
  type ScreeningHousehold,
  type ScreeningResult,
} from '../../screening/domain';
import { submittedEvent } from '../submit-case/case-writer';
import type { RescreenResponse, ScreeningWarning } from './amend-facts.dto';
import { insertRevision, nextRevisionNo, type RevisionTrigger } from './facts-revisions';
import { rescreenedEvent, storedVerdict } from './rescreen-events';
import { noLongerQualifiesMessage, outcomeMessage, planRescreen, type RescreenPlan } from './rescreen-plan';

export interface RescreenInput {
  /** The case, read under its row lock in the caller's transaction. */
  kase: HouseholdCaseEntity;
  /** The facts to screen (without the identification month). */
  household: Omit<ScreeningHousehold, 'identificationMonth'>;
  /** What the case stores of them (names and ID numbers masked). */
  maskedFacts: object;
  identificationMonth: string;
  trigger: RevisionTrigger;
  reason: string;
  changedBy: string;
  apiKeyId: string | null;
  idempotencyKey: string;
  requestHash: string;
  /** Head name (clear, as intake stores it) and size when the members changed. */
  members?: { headName: string; count: number };
}

/** One re-screening: its result, what it does to the case, and when. */
interface Outcome {
  screening: ScreeningResult;
  plan: RescreenPlan;
  revisionNo: number;
  changedAt: string;
  /** The day a household that qualifies only now counts as found: its response clock starts from it. */
  foundOn: string;
  due?: { dueDate: string; dueAt: string; explanation: string };
  warning: ScreeningWarning | null;
}

/**
 * Screens a case again with new facts, with the policy in force for its village on its discovery day (as at
 * intake), and stores the outcome in the caller's transaction: the case's facts and screening, a revision that
 * keeps what it replaced, and the event the outcome calls for (`case.submitted` for a household that becomes a
 * suspected case, `case.rescreened` for one in the chain).
 */
@Injectable()
export class CaseRescreener {
  constructor(
    private readonly policy: PolicyService,
    private readonly calendar: CalendarService,
  ) {}

  async apply(manager: EntityManager, input: RescreenInput): Promise<RescreenResponse> {
    const outcome = await this.screen(manager, input);
    const changes = caseChanges(input, outcome);
    await manager.update(HouseholdCaseEntity, { id: input.kase.id }, changes);
    await publish(manager, input, outcome, { ...input.kase, ...changes } as HouseholdCaseEntity);
    const response = toResponse(input.kase, outcome);
    await insertRevision(manager, {
      caseId: input.kase.id,
      revisionNo: outcome.revisionNo,
      trigger: input.trigger,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      previousFacts: input.kase.facts,
      previousScreening: input.kase.screening,
      previousStatus: input.kase.status,
      facts: input.maskedFacts,
      screening: summarizeScreening(outcome.screening),
      status: outcome.plan.status,
      identificationMonth: input.identificationMonth,
      reason: input.reason,
      changedBy: input.changedBy,
      apiKeyId: input.apiKeyId,
      response,
      changedAt: outcome.changedAt,
    });
    return response;
  }

  private async screen(manager: EntityManager, input: RescreenInput): Promise<Outcome> {
    const { kase } = input;
    const policy = await this.policy.effective(kase.areaCode, kase.discoveredOn);
    const household = { ...input.household, identificationMonth: input.identificationMonth };
    const screening = screenHousehold(household, toPolicyProfile(policy));
    const plan = planRescreen(kase.status, screening);
    const revisionNo = await nextRevisionNo(manager, kase.id);
    const changedAt = new Date().toISOString();
    const foundOn = toShanghaiDate(changedAt);
    const workingDays = policy.values.response_working_days ?? 5;
    const deadline = plan.becameSuspected ? await this.calendar.deadline(foundOn, workingDays) : undefined;
    const due = deadline && { dueDate: deadline.dueDate, dueAt: deadline.dueAt, explanation: deadline.explanation };
    const message = noLongerQualifiesMessage(kase.caseNo, screening);
    const warning: ScreeningWarning | null = plan.noLongerQualifies
      ? { code: 'CASE.NO_LONGER_QUALIFIES', message, revisionNo, at: changedAt }
      : null;
    return { screening, plan, revisionNo, changedAt, foundOn, due, warning };
  }
}

/** The case row after the change (the stored screening is the compact summary; the rules are re-derived on read). */
function caseChanges(input: RescreenInput, o: Outcome): Partial<HouseholdCaseEntity> {
  return {
    status: o.plan.status,
    facts: input.maskedFacts,
    screening: summarizeScreening(o.screening),
    category: o.screening.category ?? null,
    colour: o.screening.colour ?? null,
    policyVersion: o.screening.policyVersion,
    identificationMonth: input.identificationMonth,
    screeningWarning: o.warning,
    ...(o.due ? { responseDueDate: o.due.dueDate } : {}),
    ...(input.members ? { headName: input.members.headName, memberCount: input.members.count } : {}),
  };
}

async function publish(manager: EntityManager, input: RescreenInput, o: Outcome, updated: HouseholdCaseEntity) {
  if (o.plan.publish === 'case.submitted') {
    // The workflow's response clock counts from the event's discovery day: the day the household qualified.
    await addToOutbox(manager, submittedEvent({ ...updated, discoveredOn: o.foundOn }, o.screening));
  } else if (o.plan.publish === 'case.rescreened') {
    const event = rescreenedEvent({
      kase: input.kase,
      revisionNo: o.revisionNo,
      trigger: input.trigger,
      changedBy: input.changedBy,
      reason: input.reason,
      previous: storedVerdict(input.kase),
      screening: o.screening,
      status: o.plan.status,
      changedAt: o.changedAt,
    });
    await addToOutbox(manager, event);
  }
}

function toResponse(kase: HouseholdCaseEntity, o: Outcome): RescreenResponse {
  return {
    caseId: kase.id,
    caseNo: kase.caseNo,
    revisionNo: o.revisionNo,
    previousStatus: kase.status,
    status: o.plan.status,
    becameSuspected: o.plan.becameSuspected,
    inApprovalChain: o.plan.inApprovalChain,
    previous: storedVerdict(kase),
    screening: o.screening,
    ...(o.due ? { responseDue: o.due } : {}),
    warning: o.warning,
    message: outcomeMessage(kase.caseNo, o.plan, o.due?.dueDate),
    replayed: false,
  };
}
