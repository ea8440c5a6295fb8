import { z } from 'zod';
import { ApprovalStepSchema, PropertyCheckDepartmentSchema, StepResultSchema } from './approval-chain';
import {
  AreaLevelSchema,
  DeadlineKindSchema,
  DiscoveryChannelSchema,
  InstantSchema,
  LocalDateSchema,
} from './primitives';
import { CASE_STEPS } from './case-workflow';
import { TOPICS, type TopicName } from './topics';
import {
  DecidedHouseholdSchema,
  HelperAssignedPayloadSchema,
  HelperReplacedPayloadSchema,
  HelperUnavailablePayloadSchema,
  MeasuresStartedPayloadSchema,
  PlanAgreedPayloadSchema,
  TaskAcknowledgedPayloadSchema,
  TaskCompletedPayloadSchema,
  TaskCreatedPayloadSchema,
  TaskRejectedPayloadSchema,
  TaskReportedPayloadSchema,
  VisitRecordedPayloadSchema,
  type HelperAssignedPayload,
  type HelperReplacedPayload,
  type HelperUnavailablePayload,
  type MeasuresStartedPayload,
  type PlanAgreedPayload,
  type TaskAcknowledgedPayload,
  type TaskCompletedPayload,
  type TaskCreatedPayload,
  type TaskRejectedPayload,
  type TaskReportedPayload,
  type VisitRecordedPayload,
} from './assistance';

export const EVENT_TYPES = {
  caseSubmitted: 'case.submitted',
  caseResponded: 'case.responded',
  deadlineOverdue: 'deadline.overdue',
  caseStepRecorded: 'case.step-recorded',
  caseDecided: 'case.decided',
  caseRiskPointReported: 'case.risk-point-reported',
  caseRescreened: 'case.rescreened',
  // Assistance (referral service, prp.assistance.events.v1; task.created also on the department topic).
  helperAssigned: 'helper.assigned',
  helperUnavailable: 'helper.unavailable',
  helperReplaced: 'helper.replaced',
  planAgreed: 'plan.agreed',
  measuresStarted: 'measures.started',
  taskCreated: 'task.created',
  taskAcknowledged: 'task.acknowledged',
  taskReported: 'task.reported',
  taskCompleted: 'task.completed',
  taskRejected: 'task.rejected',
  visitRecorded: 'visit.recorded',
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

/**
 * What an overdue clock is about when a case has several of one kind: the task and its department (monthly
 * report), the helper and role (replacement), the period (quarterly visit, month). Absent for case-wide clocks.
 */
export const DeadlineSubjectSchema = z.object({
  taskId: z.string().min(1).optional(),
  department: z.string().min(1).optional(),
  helperId: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
});
export type DeadlineSubject = z.infer<typeof DeadlineSubjectSchema>;

/** A stable key of a subject ('' for none): one overdue item per case, kind, due date and subject. */
export function deadlineSubjectKey(subject: DeadlineSubject | undefined): string {
  if (!subject) return '';
  return [subject.taskId, subject.helperId, subject.role, subject.period].filter((part) => part !== undefined).join('/');
}

export const DeadlineOverduePayloadSchema = z.object({
  kind: DeadlineKindSchema,
  dueDate: LocalDateSchema,
  dueAt: InstantSchema,
  responsibleLevel: AreaLevelSchema,
  escalatedTo: AreaLevelSchema,
  workflowId: z.string().min(1),
  subject: DeadlineSubjectSchema.optional(),
});
export type DeadlineOverduePayload = z.infer<typeof DeadlineOverduePayloadSchema>;

/** Where a case stands after a recorded step (the workflow's step, see CASE_STEPS). */
const ResultingStepSchema = z.enum(CASE_STEPS);

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
  /** What assistance needs to assign helpers (colour, registered-poor, relocation areas); no personal data. */
  household: DecidedHouseholdSchema.optional(),
});
export type CaseDecidedPayload = z.infer<typeof CaseDecidedPayloadSchema>;

export const CaseRiskPointReportedPayloadSchema = z.object({
  riskPoint: z.string().min(1).max(500),
  observedAt: InstantSchema,
  reportedBy: z.string().min(1),
});
export type CaseRiskPointReportedPayload = z.infer<typeof CaseRiskPointReportedPayloadSchema>;

/** A screening verdict as the rest of the platform sees it (no facts, no personal data). */
export const ScreeningVerdictSchema = z.object({
  category: z.enum(['UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP']).nullable(),
  colour: z.enum(['RED', 'YELLOW', 'BLUE']).nullable(),
  qualifies: z.boolean().nullable(),
});
export type ScreeningVerdict = z.infer<typeof ScreeningVerdictSchema>;

export const CaseRescreenedPayloadSchema = z.object({
  /** The case's facts revision this screening belongs to (1 for the first change after intake). */
  revisionNo: z.number().int().positive(),
  /** What changed: the household facts were replaced, or a risk point was added to them. */
  trigger: z.enum(['FACTS_CHANGED', 'RISK_POINT']),
  /** Account or staff id of whoever changed the facts (not a person's name in clear). */
  changedBy: z.string().min(1),
  reason: z.string().min(1).max(2000),
  previous: ScreeningVerdictSchema,
  current: ScreeningVerdictSchema,
  policyVersion: z.string().min(1),
  /**
   * The case's status after the change. A case in the approval chain keeps its status even when it no
   * longer qualifies: the chain's officials decide (`current.qualifies` false is the warning).
   */
  status: z.string().min(1),
  changedAt: InstantSchema,
});
export type CaseRescreenedPayload = z.infer<typeof CaseRescreenedPayloadSchema>;

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
  [EVENT_TYPES.caseRescreened]: {
    type: EVENT_TYPES.caseRescreened,
    topic: TOPICS.caseEvents,
    schemaVersion: 1,
    summary:
      "A case's facts changed and it was screened again; old and new category, colour and verdict (家庭信息变更后重新筛查).",
    payload: CaseRescreenedPayloadSchema,
  },
  [EVENT_TYPES.helperAssigned]: {
    type: EVENT_TYPES.helperAssigned,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary:
      'A helper (or, for a BLUE household, the village committee) was assigned to an included household (已落实帮扶责任人).',
    payload: HelperAssignedPayloadSchema,
  },
  [EVENT_TYPES.helperUnavailable]: {
    type: EVENT_TYPES.helperUnavailable,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary:
      "The household's helper became unavailable; a replacement is proposed and the old helper stays until it is assigned (帮扶责任人不能履职).",
    payload: HelperUnavailablePayloadSchema,
  },
  [EVENT_TYPES.helperReplaced]: {
    type: EVENT_TYPES.helperReplaced,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: "The household's helper was replaced; the household was never without one (帮扶责任人已调整).",
    payload: HelperReplacedPayloadSchema,
  },
  [EVENT_TYPES.planAgreed]: {
    type: EVENT_TYPES.planAgreed,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: 'The assistance plan was agreed with the household; each measure goes to its department (帮扶计划已确认).',
    payload: PlanAgreedPayloadSchema,
  },
  [EVENT_TYPES.measuresStarted]: {
    type: EVENT_TYPES.measuresStarted,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary:
      'The first measure of the plan is under way: a department acknowledged or reported on a task (帮扶措施已启动).',
    payload: MeasuresStartedPayloadSchema,
  },
  [EVENT_TYPES.taskCreated]: {
    type: EVENT_TYPES.taskCreated,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: "A measure became a department task; also published on the department's task topic (任务清单已推送).",
    payload: TaskCreatedPayloadSchema,
  },
  [EVENT_TYPES.taskAcknowledged]: {
    type: EVENT_TYPES.taskAcknowledged,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: 'The department acknowledged the task (部门已签收).',
    payload: TaskAcknowledgedPayloadSchema,
  },
  [EVENT_TYPES.taskReported]: {
    type: EVENT_TYPES.taskReported,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: 'The department reported progress or a result for a month (部门反馈).',
    payload: TaskReportedPayloadSchema,
  },
  [EVENT_TYPES.taskCompleted]: {
    type: EVENT_TYPES.taskCompleted,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: 'The department completed the task (部门已办结).',
    payload: TaskCompletedPayloadSchema,
  },
  [EVENT_TYPES.taskRejected]: {
    type: EVENT_TYPES.taskRejected,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: 'The department rejected the task with a reason; it goes back to the helper (部门退回).',
    payload: TaskRejectedPayloadSchema,
  },
  [EVENT_TYPES.visitRecorded]: {
    type: EVENT_TYPES.visitRecorded,
    topic: TOPICS.assistanceEvents,
    schemaVersion: 1,
    summary: 'The helper recorded a home visit, with any new risk points (帮扶走访已记录).',
    payload: VisitRecordedPayloadSchema,
  },
};

export interface EventPayloads {
  'case.submitted': CaseSubmittedPayload;
  'case.responded': CaseRespondedPayload;
  'deadline.overdue': DeadlineOverduePayload;
  'case.step-recorded': CaseStepRecordedPayload;
  'case.decided': CaseDecidedPayload;
  'case.risk-point-reported': CaseRiskPointReportedPayload;
  'case.rescreened': CaseRescreenedPayload;
  'helper.assigned': HelperAssignedPayload;
  'helper.unavailable': HelperUnavailablePayload;
  'helper.replaced': HelperReplacedPayload;
  'plan.agreed': PlanAgreedPayload;
  'measures.started': MeasuresStartedPayload;
  'task.created': TaskCreatedPayload;
  'task.acknowledged': TaskAcknowledgedPayload;
  'task.reported': TaskReportedPayload;
  'task.completed': TaskCompletedPayload;
  'task.rejected': TaskRejectedPayload;
  'visit.recorded': VisitRecordedPayload;
}
