import { z } from 'zod';
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { AreaLevelSchema, LocalDateSchema, type AreaLevel, type DeadlineKind } from './primitives';
import { ContractViolationError } from './validation';

/**
 * Temporal contract of the per-household assistance workflow (workflow id `assistance-<caseId>`): the
 * clocks of policy.md §3 after inclusion (helper assignment, first measures, helper replacement, quarterly
 * visits, monthly department reports). Started by the Kafka bridge on `case.decided` (INCLUDED); every
 * event of `prp.assistance.events.v1` becomes an `assistanceEvent` signal.
 */
export const ASSISTANCE_WORKFLOW_TYPE = 'assistanceWorkflow';

export function assistanceWorkflowId(caseId: string): string {
  return `assistance-${caseId}`;
}

export const ASSISTANCE_DEADLINE_KINDS = [
  'HELPER_ASSIGNMENT',
  'MEASURES_START',
  'HELPER_REPLACEMENT',
  'QUARTERLY_VISIT',
  'MONTHLY_REPORT',
] as const satisfies readonly DeadlineKind[];
export type AssistanceDeadlineKind = (typeof ASSISTANCE_DEADLINE_KINDS)[number];

/**
 * Clock lengths when the region's policy table has no value. helper_assignment_working_days and
 * first_measures_working_days are keys of identification's policy tables; helper_replacement_working_days
 * is not (yet), so its default applies everywhere until identification adds the key.
 */
export const ASSISTANCE_POLICY_DEFAULTS = {
  helperAssignmentWorkingDays: 10,
  measuresStartWorkingDays: 10,
  helperReplacementWorkingDays: 10,
} as const;

export interface AssistancePolicy {
  regionCode: string;
  year: number;
  version: string | number;
  helperAssignmentWorkingDays: number;
  measuresStartWorkingDays: number;
  helperReplacementWorkingDays: number;
  /** Policy keys the table lacked, for which ASSISTANCE_POLICY_DEFAULTS applied. */
  defaulted: string[];
}

export interface AssistanceWorkflowInput {
  caseId: string;
  areaCode: string;
  /**
   * Inclusion day (Asia/Shanghai date of case.decided). Absent when an assistance event arrived before the
   * inclusion: the workflow then waits for the assistanceStarted signal before any clock starts.
   */
  includedOn?: string;
  decisionId?: string;
  /** Relocated household with hukou left behind: a PRIMARY and a SECOND helper are both owed. */
  relocated?: boolean;
  /** State carried over continue-as-new (absent on the first run). */
  carried?: AssistanceCarry;
}

export interface AssistanceCarry {
  state: AssistanceWorkflowState;
  /** Signals received but not yet applied when the run continued as new. */
  pending: AssistanceEvent[];
}

/* ---------- events of prp.assistance.events.v1 (only the fields the workflow needs) ---------- */

const RoleSchema = z.enum(['PRIMARY', 'SECOND']);
export type AssistanceHelperRole = z.infer<typeof RoleSchema>;

const id = z.string().min(1);

export const ASSISTANCE_EVENT_PAYLOADS = {
  'helper.assigned': z.object({ helperId: id, role: RoleSchema, assignedOn: LocalDateSchema, level: AreaLevelSchema }),
  'helper.unavailable': z.object({
    helperId: id,
    reason: z.enum(['TRANSFERRED', 'RETIRED', 'SICK', 'ON_LEAVE']),
    since: LocalDateSchema,
    role: RoleSchema.optional(),
  }),
  'helper.replaced': z.object({
    oldHelperId: id,
    helperId: id,
    role: RoleSchema,
    assignedOn: LocalDateSchema,
    level: AreaLevelSchema.optional(),
  }),
  'plan.agreed': z.object({ planId: id, agreedOn: LocalDateSchema }),
  'measures.started': z.object({ startedOn: LocalDateSchema }),
  'task.created': z.object({ taskId: id, department: id, measure: z.string(), createdOn: LocalDateSchema }),
  'task.acknowledged': z.object({ taskId: id, department: id, acknowledgedOn: LocalDateSchema }),
  'task.reported': z.object({
    taskId: id,
    department: id,
    reportedOn: LocalDateSchema,
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '报告期应为YYYY-MM' }),
  }),
  'task.completed': z.object({ taskId: id, department: id, completedOn: LocalDateSchema }),
  'task.rejected': z.object({ taskId: id, department: id, rejectedOn: LocalDateSchema }),
  'visit.recorded': z.object({
    visitId: id,
    helperId: id,
    visitedOn: LocalDateSchema,
    quarter: z
      .string()
      .regex(/^\d{4}Q[1-4]$/, { message: '季度应为如2026Q4的格式' })
      .optional(),
  }),
} as const;

export type AssistanceEventType = keyof typeof ASSISTANCE_EVENT_PAYLOADS;
export type AssistanceEventPayloads = { [K in AssistanceEventType]: z.infer<(typeof ASSISTANCE_EVENT_PAYLOADS)[K]> };

export function isAssistanceEventType(type: string): type is AssistanceEventType {
  return Object.prototype.hasOwnProperty.call(ASSISTANCE_EVENT_PAYLOADS, type);
}

/** One assistance fact as the workflow receives it (signal argument). */
export type AssistanceEvent = {
  [K in AssistanceEventType]: { eventId: string; type: K; occurredAt: string; payload: AssistanceEventPayloads[K] };
}[AssistanceEventType];

/** Validates the fields the workflow needs of an assistance event (ContractViolationError naming the field). */
export function parseAssistanceEvent(raw: {
  eventId: string;
  type: AssistanceEventType;
  occurredAt: string;
  payload: unknown;
}): AssistanceEvent {
  const parsed = ASSISTANCE_EVENT_PAYLOADS[raw.type].safeParse(raw.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: ['payload', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new ContractViolationError(issues, raw.type);
  }
  return { eventId: raw.eventId, type: raw.type, occurredAt: raw.occurredAt, payload: parsed.data } as AssistanceEvent;
}

const DecidedRelocationSchema = z.object({ household: z.object({ relocated: z.boolean().optional() }).optional() });

/** `relocated` of the optional household summary of case.decided (false when absent or malformed). */
export function decidedRelocated(payload: unknown): boolean {
  const parsed = DecidedRelocationSchema.safeParse(payload);
  return parsed.success && parsed.data.household?.relocated === true;
}

/* ---------- state ---------- */

export type AssistancePhase =
  | 'AWAITING_INCLUSION'
  | 'AWAITING_HELPER'
  | 'AWAITING_MEASURES'
  | 'ASSISTING'
  | 'REPLACING_HELPER';

/** MET_LATE: the event came after the clock had gone OVERDUE (and was reported). CANCELLED: no longer owed. */
export type AssistanceClockStatus = 'RUNNING' | 'MET' | 'OVERDUE' | 'MET_LATE' | 'CANCELLED';

export interface AssistanceClock {
  /** Unique within the workflow, e.g. `MONTHLY_REPORT:<taskId>:2026-12`. */
  id: string;
  kind: AssistanceDeadlineKind;
  startedOn: string;
  /** Working days for working-day clocks; absent for calendar clocks (quarter, month). */
  workingDays?: number;
  dueDate: string;
  dueAt: string;
  status: AssistanceClockStatus;
  responsibleLevel: AreaLevel;
  escalatedTo: AreaLevel;
  metOn?: string;
  overdueSince?: string;
  helperId?: string;
  role?: AssistanceHelperRole;
  taskId?: string;
  department?: string;
  /** QUARTERLY_VISIT: `2026Q4`; MONTHLY_REPORT: `2026-12`. */
  period?: string;
}

export interface AssistanceHelper {
  helperId: string;
  role: AssistanceHelperRole;
  level?: AreaLevel;
  assignedOn: string;
  /** Set by helper.unavailable: the helper stays on the case until the replacement arrives. */
  unavailable?: { reason: string; since: string };
}

export interface AssistanceTask {
  taskId: string;
  department: string;
  measure: string;
  createdOn: string;
  status: 'OPEN' | 'ACKNOWLEDGED' | 'COMPLETED' | 'REJECTED';
  /** Periods (YYYY-MM) reported so far (recent ones; older are pruned at continue-as-new). */
  reportedPeriods: string[];
  closedOn?: string;
}

export interface AssistanceWorkflowState {
  caseId: string;
  areaCode: string;
  includedOn?: string;
  relocated: boolean;
  phase: AssistancePhase;
  helpers: AssistanceHelper[];
  /** True while the household has no helper at all (an unavailable one still counts until replaced). */
  withoutHelper: boolean;
  /** 0 or 1: this household counted in "households without a helper". */
  householdsWithoutHelper: number;
  measuresStartedOn?: string;
  plan?: { planId: string; agreedOn: string };
  tasks: AssistanceTask[];
  visits: { visitId: string; visitedOn: string; quarter: string }[];
  clocks: AssistanceClock[];
  /** The calendar month the workflow is in and the due date of its monthly reports. */
  month?: { period: string; dueDate: string; dueAt: string; endsAt: string };
  policy?: AssistancePolicy;
  /** Runs so far (1 + continue-as-new count). */
  run: number;
}

/* ---------- Temporal definitions ---------- */

/** Sent with signal-with-start on case.decided INCLUDED; repeated deliveries are harmless. */
export const assistanceStartedSignal = defineSignal<[AssistanceWorkflowInput]>('assistanceStarted');
/** One event of prp.assistance.events.v1 (applied in arrival order; repeated deliveries are harmless). */
export const assistanceEventSignal = defineSignal<[AssistanceEvent]>('assistanceEvent');
export const assistanceStateQuery = defineQuery<AssistanceWorkflowState>('assistanceState');

export interface LoadAssistancePolicyInput {
  areaCode: string;
  on: string;
}

/** Activities the assistance workflow needs beyond CaseActivities (implemented by the case worker). */
export interface AssistanceActivities {
  loadAssistancePolicy(input: LoadAssistancePolicyInput): Promise<AssistancePolicy>;
}
