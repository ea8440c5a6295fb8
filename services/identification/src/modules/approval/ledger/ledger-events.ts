import { randomUUID } from 'crypto';
import {
  APPROVAL_FLOW_VERSION,
  createEnvelope,
  EVENT_TYPES,
  type CaseWorkflowState,
  type DecidedHousehold,
  type StepDecision,
} from '@prp/contracts';
import type { CaseRef } from './case-lookup';

const PRODUCER = 'identification';

/** The decisionId doubles as the event id: a fact recorded once is published as one event. */
export function stepRecordedEvent(kase: CaseRef, d: StepDecision, state: CaseWorkflowState) {
  return createEnvelope({
    type: EVENT_TYPES.caseStepRecorded,
    eventId: d.decisionId,
    caseId: kase.id,
    areaCode: kase.areaCode,
    producer: PRODUCER,
    occurredAt: d.decidedAt,
    payload: {
      decisionId: d.decisionId,
      step: d.step,
      result: d.result,
      department: d.department,
      actor: d.actor,
      decidedAt: d.decidedAt,
      reason: d.reason,
      attachmentCount: d.attachments.length,
      flowVersion: state.flowVersion ?? APPROVAL_FLOW_VERSION,
      resultingStep: state.step,
    },
  });
}

export function decidedEvent(kase: CaseRef, d: StepDecision, outcome: 'INCLUDED' | 'REJECTED') {
  return createEnvelope({
    type: EVENT_TYPES.caseDecided,
    eventId: randomUUID(),
    caseId: kase.id,
    areaCode: kase.areaCode,
    producer: PRODUCER,
    occurredAt: d.decidedAt,
    payload: {
      outcome,
      reason: d.reason,
      decidedAt: d.decidedAt,
      decidedAtLevel: d.step,
      decisionId: d.decisionId,
      household: decidedHousehold(kase),
    },
  });
}

/** The household summary assistance assigns helpers by; fields the case does not know are left out. */
export function decidedHousehold(kase: CaseRef): DecidedHousehold {
  const summary = {
    colour: kase.colour,
    category: kase.category,
    registeredPoor: kase.registeredPoor,
    relocated: kase.relocated,
    hukouAreaCode: kase.hukouAreaCode,
    residenceAreaCode: kase.residenceAreaCode,
    memberCount: kase.memberCount > 0 ? kase.memberCount : null,
  };
  return Object.fromEntries(Object.entries(summary).filter(([, v]) => v !== null && v !== undefined)) as DecidedHousehold;
}
