import { z } from 'zod';
import { ApprovalStepSchema, PropertyCheckDepartmentSchema, StepResultSchema } from './approval-chain';
import {
  AreaLevelSchema,
  DeadlineKindSchema,
  DiscoveryChannelSchema,
  InstantSchema,
  LocalDateSchema,
} from './primitives';
import { TOPICS, type TopicName } from './topics';

export const EVENT_TYPES = {
  caseSubmitted: 'case.submitted',
  caseResponded: 'case.responded',
  deadlineOverdue: 'deadline.overdue',
  caseStepRecorded: 'case.step-recorded',
  caseDecided: 'case.decided',
  caseRiskPointReported: 'case.risk-point-reported',
} as const;
export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

export const CaseSubmittedPayloadSchema = z.object({
  caseNo: z.string().min(1),
  channel: DiscoveryChannelSchema,
  discoveredOn: LocalDateSchema,
  discoveredBy: z.string().min(1),
  memberCount: z.number().int().positive(),
  /** Masked name of the household head (PII never travels in clear on the bus). */
  householdHeadMasked: z.string().min(1),
  /** Screening outcome at submission (absent in events from before the screening engine). */
  category: z.enum(['UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP']).optional(),
  colour: z.enum(['RED', 'YELLOW', 'BLUE']).optional(),
  policyVersion: z.string().min(1).optional(),
  /** Approval flow version the case starts with (APPROVAL_FLOW_VERSION). */
  flowVersion: z.string().min(1).optional(),
});
export type CaseSubmittedPayload = z.infer<typeof CaseSubmittedPayloadSchema>;

export const CaseRespondedPayloadSchema = z.object({
  respondedAt: InstantSchema,
  respondedBy: z.string().min(1),
});
export type CaseRespondedPayload = z.infer<typeof CaseRespondedPayloadSchema>;

export const DeadlineOverduePayloadSchema = z.object({
  kind: DeadlineKindSchema,
  dueDate: LocalDateSchema,
  dueAt: InstantSchema,
  responsibleLevel: AreaLevelSchema,
  escalatedTo: AreaLevelSchema,
  workflowId: z.string().min(1),
});
export type DeadlineOverduePayload = z.infer<typeof DeadlineOverduePayloadSchema>;

/** Where a case stands after a recorded step (the workflow's step, see CASE_STEPS). */
const ResultingStepSchema = z.enum([
  'BLUE_WATCH',
  'AWAITING_RESPONSE',
  'RESPONDED',
  ...ApprovalStepSchema.options.filter((step) => step !== 'RESPONSE'),
  'INCLUDED',
  'REJECTED',
]);

export const CaseStepRecordedPayloadSchema = z.object({
  decisionId: z.uuid(),
  step: ApprovalStepSchema,
  result: StepResultSchema,
  department: PropertyCheckDepartmentSchema.optional(),
  /** Account or staff id of whoever recorded the step (not a person's name in clear). */
  actor: z.string().min(1),
  decidedAt: InstantSchema,
  reason: z.string().max(2000).optional(),
  attachmentCount: z.number().int().nonnegative(),
  flowVersion: z.string().min(1),
  resultingStep: ResultingStepSchema,
});
export type CaseStepRecordedPayload = z.infer<typeof CaseStepRecordedPayloadSchema>;

export const CaseDecidedPayloadSchema = z.object({
  outcome: z.enum(['INCLUDED', 'REJECTED']),
  reason: z.string().max(2000).optional(),
  decidedAt: InstantSchema,
  /** The approval step at which the chain ended (COUNTY_APPROVAL for an inclusion). */
  decidedAtLevel: ApprovalStepSchema,
  decisionId: z.uuid(),
});
export type CaseDecidedPayload = z.infer<typeof CaseDecidedPayloadSchema>;

export const CaseRiskPointReportedPayloadSchema = z.object({
  riskPoint: z.string().min(1).max(500),
  observedAt: InstantSchema,
  reportedBy: z.string().min(1),
});
export type CaseRiskPointReportedPayload = z.infer<typeof CaseRiskPointReportedPayloadSchema>;

export interface EventDefinition {
  type: EventType;
  topic: TopicName;
  schemaVersion: number;
  summary: string;
  payload: z.ZodType;
}

/** One source of truth: which topic carries which event type, and its payload schema. */
export const EVENT_DEFINITIONS: Record<EventType, EventDefinition> = {
  [EVENT_TYPES.caseSubmitted]: {
    type: EVENT_TYPES.caseSubmitted,
    topic: TOPICS.caseEvents,
    schemaVersion: 1,
    summary: 'A suspected household was submitted and stored (疑似监测户已登记).',
    payload: CaseSubmittedPayloadSchema,
  },
  [EVENT_TYPES.caseResponded]: {
    type: EVENT_TYPES.caseResponded,
    topic: TOPICS.caseEvents,
    schemaVersion: 1,
    summary: 'First contact with the household was recorded (已响应).',
    payload: CaseRespondedPayloadSchema,
  },
  [EVENT_TYPES.deadlineOverdue]: {
    type: EVENT_TYPES.deadlineOverdue,
    topic: TOPICS.deadlineEvents,
    schemaVersion: 1,
    summary: 'A statutory clock ran out; the step is overdue and escalated one level up (超期).',
    payload: DeadlineOverduePayloadSchema,
  },
  [EVENT_TYPES.caseStepRecorded]: {
    type: EVENT_TYPES.caseStepRecorded,
    topic: TOPICS.caseEvents,
    schemaVersion: 1,
    summary: 'An approval step was recorded in the decision ledger, accepted by the case workflow (认定环节已登记).',
    payload: CaseStepRecordedPayloadSchema,
  },
  [EVENT_TYPES.caseDecided]: {
    type: EVENT_TYPES.caseDecided,
    topic: TOPICS.caseEvents,
    schemaVersion: 1,
    summary: 'The approval chain ended: the household was included or rejected, with the reason (已审定纳入/不予纳入).',
    payload: CaseDecidedPayloadSchema,
  },
  [EVENT_TYPES.caseRiskPointReported]: {
    type: EVENT_TYPES.caseRiskPointReported,
    topic: TOPICS.caseEvents,
    schemaVersion: 1,
    summary: 'A risk point appeared for a watched (BLUE) household; it is upgraded and the chain starts (出现风险点).',
    payload: CaseRiskPointReportedPayloadSchema,
  },
};

export interface EventPayloads {
  'case.submitted': CaseSubmittedPayload;
  'case.responded': CaseRespondedPayload;
  'deadline.overdue': DeadlineOverduePayload;
  'case.step-recorded': CaseStepRecordedPayload;
  'case.decided': CaseDecidedPayload;
  'case.risk-point-reported': CaseRiskPointReportedPayload;
}
