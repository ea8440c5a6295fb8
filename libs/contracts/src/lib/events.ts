import { z } from 'zod';
import { AreaLevelSchema, DeadlineKindSchema, DiscoveryChannelSchema, InstantSchema, LocalDateSchema } from './primitives';
import { TOPICS, type TopicName } from './topics';

export const EVENT_TYPES = {
  caseSubmitted: 'case.submitted',
  caseResponded: 'case.responded',
  deadlineOverdue: 'deadline.overdue',
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
};

export interface EventPayloads {
  'case.submitted': CaseSubmittedPayload;
  'case.responded': CaseRespondedPayload;
  'deadline.overdue': DeadlineOverduePayload;
}
