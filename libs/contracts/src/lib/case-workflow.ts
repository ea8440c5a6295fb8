import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { AreaLevel, DeadlineKind, DiscoveryChannel } from './primitives';

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
}

export interface CaseRespondedSignal {
  respondedAt: string;
  respondedBy: string;
}

export type DeadlineStatus = 'RUNNING' | 'MET' | 'OVERDUE';

export interface DeadlineState {
  kind: DeadlineKind;
  workingDays: number;
  dueDate: string;
  dueAt: string;
  status: DeadlineStatus;
  metAt?: string;
  overdueSince?: string;
}

export interface CaseWorkflowState {
  caseId: string;
  step: CaseStep;
  deadlines: DeadlineState[];
}

export const CASE_STEPS = ['AWAITING_RESPONSE', 'RESPONDED'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** Sent by the Kafka bridge with signal-with-start; repeated deliveries are harmless. */
export const caseSubmittedSignal = defineSignal<[CaseWorkflowInput]>('caseSubmitted');
export const caseRespondedSignal = defineSignal<[CaseRespondedSignal]>('caseResponded');
export const caseStateQuery = defineQuery<CaseWorkflowState>('caseState');

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
}

/** Activities of the case workflow (implemented by the case worker; workflows import this type only). */
export interface CaseActivities {
  computeDeadline(input: ComputeDeadlineInput): Promise<ComputedDeadline>;
  emitDeadlineOverdue(input: DeadlineOverdueInput): Promise<void>;
}

/** Business error types an activity may throw that retrying cannot fix. */
export const NON_RETRYABLE_ACTIVITY_ERRORS = ['CONTRACT.VIOLATION', 'CALENDAR.INVALID_INPUT'] as const;

/** Default statutory clock lengths; the policy tables of later issues override them per region and year. */
export const DEFAULT_RESPONSE_WORKING_DAYS = 5;
