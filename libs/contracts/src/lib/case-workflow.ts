import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseOutcome, PropertyCheckDepartment, StepDecision } from './approval-chain';
import type { AreaLevel, DeadlineKind, DiscoveryChannel } from './primitives';
import type { CaseSubmittedPayload, DeadlineSubject } from './events';
import type { Envelope } from './envelope';

/** Temporal contract of the per-household case workflow (workflow id `case-<caseId>`). */
export const CASE_TASK_QUEUE = 'case';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export interface CaseWorkflowInput {
  caseId: string;
  areaCode: string;
  caseNo: string;
  channel: DiscoveryChannel;
  /** Day the household was found (Asia/Shanghai); the response clock starts after it. */
  discoveredOn: string;
  /**
   * Colour from screening (三色管理). BLUE households are watched without the chain until a risk point
   * appears (riskPointAppeared signal); absent in histories from before the approval chain.
   */
  colour?: 'RED' | 'YELLOW' | 'BLUE';
  /** Approval flow version the case started with (APPROVAL_FLOW_VERSION at submission). */
  flowVersion?: string;
}

/** The workflow input a `case.submitted` event starts (the Kafka bridge's hand-off). */
export function caseWorkflowInputOf(event: Envelope<'case.submitted', CaseSubmittedPayload>): CaseWorkflowInput {
  return {
    caseId: event.caseId,
    areaCode: event.areaCode,
    caseNo: event.payload.caseNo,
    channel: event.payload.channel,
    discoveredOn: event.payload.discoveredOn,
    ...(event.payload.colour ? { colour: event.payload.colour } : {}),
    ...(event.payload.flowVersion ? { flowVersion: event.payload.flowVersion } : {}),
  };
}

export interface RiskPointAppearedSignal {
  riskPoint: string;
  observedAt: string;
  reportedBy: string;
}

export interface CaseRespondedSignal {
  respondedAt: string;
  respondedBy: string;
}

/** PAUSED: the DETERMINATION clock while the property check is out (no due date counts down). */
export type DeadlineStatus = 'RUNNING' | 'PAUSED' | 'MET' | 'OVERDUE';

export interface DeadlineState {
  kind: DeadlineKind;
  workingDays: number;
  /** Day the clock counts from (not itself counted). */
  startedOn?: string;
  dueDate: string;
  dueAt: string;
  status: DeadlineStatus;
  metAt?: string;
  overdueSince?: string;
  /** DETERMINATION: working days already used when the clock was last paused. */
  consumedWorkingDays?: number;
}

/** The public notice period of the current round (a timer, not an overdue clock). */
export interface NoticePeriod {
  round: number;
  workingDays: number;
  startedOn: string;
  endDate: string;
  endsAt: string;
}

export interface PausedInterval {
  from: string;
  until?: string;
  reason: string;
}

export interface CaseWorkflowState {
  caseId: string;
  step: CaseStep;
  deadlines: DeadlineState[];
  flowVersion?: string;
  /** Times the DETERMINATION clock was paused (property check out), open interval last. */
  paused?: PausedInterval[];
  /** decisionIds already applied (idempotency of recordStep). */
  decisions?: StepDecision[];
  outcome?: CaseOutcome;
  /** Chain round: 1, then +1 each time an objection sends the case back to home verification. */
  round?: number;
  /** Departments that answered the property check of the current round. */
  propertyAnswers?: PropertyCheckDepartment[];
  notice?: NoticePeriod;
  /** Clock lengths in force for this case (policy table version and values). */
  policy?: ClockPolicy;
}

/**
 * Where a case stands. RESPONDED is the terminal step of the walking-skeleton version (old histories);
 * the approval chain goes on from AWAITING_RESPONSE through the steps of APPROVAL_STEPS.
 */
export const CASE_STEPS = [
  'BLUE_WATCH',
  'AWAITING_RESPONSE',
  'RESPONDED',
  'HOME_VERIFICATION',
  'PROPERTY_CHECK',
  'VILLAGE_REVIEW',
  'TOWNSHIP_RECHECK',
  'PUBLIC_NOTICE',
  'COUNTY_APPROVAL',
  'INCLUDED',
  'REJECTED',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** Sent by the Kafka bridge with signal-with-start; repeated deliveries are harmless. */
export const caseSubmittedSignal = defineSignal<[CaseWorkflowInput]>('caseSubmitted');
export const caseRespondedSignal = defineSignal<[CaseRespondedSignal]>('caseResponded');
export const caseStateQuery = defineQuery<CaseWorkflowState>('caseState');
/** Records one step decision; its validator refuses a step out of order (ApplicationFailure type CASE.STEP_OUT_OF_ORDER). */
export const recordStepUpdate = defineUpdate<CaseWorkflowState, [StepDecision]>('recordStep');
/** A BLUE household showed a risk point: it is upgraded and the approval chain starts. */
export const riskPointAppearedSignal = defineSignal<[RiskPointAppearedSignal]>('riskPointAppeared');

/**
 * Custom search attributes the case workflow sets, so operators can list cases by step and due date in
 * the Temporal UI. deploy/local/lib (temporal dev server flags) and deploy/k8s (bootstrap job) register
 * the same names and types: keep them in step.
 */
export const CASE_SEARCH_ATTRIBUTES = {
  step: defineSearchAttributeKey('CaseStep', SearchAttributeType.KEYWORD),
  areaCode: defineSearchAttributeKey('AreaCode', SearchAttributeType.KEYWORD),
  nextDueAt: defineSearchAttributeKey('NextDueAt', SearchAttributeType.DATETIME),
  overdueKinds: defineSearchAttributeKey('OverdueKinds', SearchAttributeType.KEYWORD_LIST),
} as const;

export interface ComputeDeadlineInput {
  from: string;
  workingDays: number;
}

export interface ComputedDeadline {
  dueDate: string;
  dueAt: string;
  explanation: string;
}

export interface DeadlineOverdueInput {
  caseId: string;
  areaCode: string;
  workflowId: string;
  kind: DeadlineKind;
  dueDate: string;
  dueAt: string;
  responsibleLevel: AreaLevel;
  escalatedTo: AreaLevel;
  /** Which task, helper or period the clock is about, when a case has several of its kind. */
  subject?: DeadlineSubject;
}

export interface LoadClockPolicyInput {
  areaCode: string;
  on: string;
}

/** Clock lengths of the policy table in force for an area on a day (GET /api/v1/policy/effective). */
export interface ClockPolicy {
  regionCode: string;
  year: number;
  version: string | number;
  responseWorkingDays: number;
  verificationWorkingDays: number;
  publicNoticeWorkingDays: number;
  countyBatchMinWorkingDays: number;
}

/** Working days d with from < d <= to (negative when to is before from). */
export interface CountWorkingDaysInput {
  from: string;
  to: string;
}

/** Activities of the case workflow (implemented by the case worker; workflows import this type only). */
export interface CaseActivities {
  computeDeadline(input: ComputeDeadlineInput): Promise<ComputedDeadline>;
  emitDeadlineOverdue(input: DeadlineOverdueInput): Promise<void>;
  loadClockPolicy(input: LoadClockPolicyInput): Promise<ClockPolicy>;
  countWorkingDays(input: CountWorkingDaysInput): Promise<number>;
}

/** Business error types an activity may throw that retrying cannot fix. */
export const NON_RETRYABLE_ACTIVITY_ERRORS = ['CONTRACT.VIOLATION', 'CALENDAR.INVALID_INPUT', 'POLICY.NOT_FOUND'] as const;

/** Error type of a refused recordStep update (step out of order, wrong result or department, case closed). */
export const STEP_OUT_OF_ORDER = 'CASE.STEP_OUT_OF_ORDER';

/** Default statutory clock lengths; the policy tables of later issues override them per region and year. */
export const DEFAULT_RESPONSE_WORKING_DAYS = 5;
