import { z } from 'zod';
import { AreaCodeSchema, LocalDateSchema } from './primitives';
import { TOPICS } from './topics';

/**
 * The assistance contract (帮扶): helpers, plans, department tasks and visits. Events travel on
 * `prp.assistance.events.v1` (key = caseId); each department task is also published on the department's own
 * topic `prp.dept.<code>.tasks.v1`. Owned by the referral service; consumers parse only the documented fields.
 */

/** Level of the cadre who helps a household (帮扶责任人所在层级). */
export const HELPER_LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export const HelperLevelSchema = z.enum(HELPER_LEVELS);
export type HelperLevel = z.infer<typeof HelperLevelSchema>;

/** PRIMARY = the helper; SECOND = the relocation-community helper of a relocated household (易地搬迁双帮扶). */
export const HELPER_ROLES = ['PRIMARY', 'SECOND'] as const;
export const HelperRoleSchema = z.enum(HELPER_ROLES);
export type HelperRole = z.infer<typeof HelperRoleSchema>;

export const HELPER_AVAILABILITIES = ['AVAILABLE', 'TRANSFERRED', 'RETIRED', 'SICK', 'ON_LEAVE'] as const;
export const HelperAvailabilitySchema = z.enum(HELPER_AVAILABILITIES);
export type HelperAvailability = z.infer<typeof HelperAvailabilitySchema>;

export const UNAVAILABILITY_REASONS = ['TRANSFERRED', 'RETIRED', 'SICK', 'ON_LEAVE'] as const;
export const UnavailabilityReasonSchema = z.enum(UNAVAILABILITY_REASONS);
export type UnavailabilityReason = z.infer<typeof UnavailabilityReasonSchema>;

/** Who carries an assignment: a cadre, or (for BLUE households) the village committee. */
export const ASSIGNEE_KINDS = ['CADRE', 'VILLAGE_COMMITTEE'] as const;
export const AssigneeKindSchema = z.enum(ASSIGNEE_KINDS);
export type AssigneeKind = z.infer<typeof AssigneeKindSchema>;

/** Line departments that carry out measures (行业部门). */
export const DEPARTMENT_CODES = [
  'AGRICULTURE',
  'HUMAN_RESOURCES',
  'HEALTH',
  'EDUCATION',
  'CIVIL_AFFAIRS',
  'HOUSING',
  'WATER',
  'FINANCE',
  'DISABLED_FEDERATION',
  'SOCIAL_ASSISTANCE',
  'RURAL_REVITALIZATION',
] as const;
export const DepartmentCodeSchema = z.enum(DEPARTMENT_CODES, { message: '部门代码无效' });
export type DepartmentCode = z.infer<typeof DepartmentCodeSchema>;

/** The task topic of each department: `prp.dept.<code>.tasks.v1`, code lower-cased with `_` → `-`. */
export const DEPARTMENT_TASK_TOPICS: Record<DepartmentCode, string> = {
  AGRICULTURE: TOPICS.deptAgricultureTasks,
  HUMAN_RESOURCES: TOPICS.deptHumanResourcesTasks,
  HEALTH: TOPICS.deptHealthTasks,
  EDUCATION: TOPICS.deptEducationTasks,
  CIVIL_AFFAIRS: TOPICS.deptCivilAffairsTasks,
  HOUSING: TOPICS.deptHousingTasks,
  WATER: TOPICS.deptWaterTasks,
  FINANCE: TOPICS.deptFinanceTasks,
  DISABLED_FEDERATION: TOPICS.deptDisabledFederationTasks,
  SOCIAL_ASSISTANCE: TOPICS.deptSocialAssistanceTasks,
  RURAL_REVITALIZATION: TOPICS.deptRuralRevitalizationTasks,
};

export function departmentTaskTopic(department: DepartmentCode): string {
  return DEPARTMENT_TASK_TOPICS[department];
}

/** Assistance measures of policy.md §3 (缺什么补什么). */
export const MEASURES = [
  'INDUSTRY',
  'EMPLOYMENT',
  'PUBLIC_WELFARE_JOB',
  'HEALTH',
  'EDUCATION',
  'DIBAO',
  'EXTREMELY_POOR_SUPPORT',
  'TEMPORARY_ASSISTANCE',
  'HOUSING',
  'DRINKING_WATER',
  'MICRO_CREDIT',
  'DISABILITY',
  'SOCIAL_ASSISTANCE',
  'MOTIVATION_AND_SKILLS',
] as const;
export const MeasureSchema = z.enum(MEASURES, { message: '帮扶措施无效' });
export type Measure = z.infer<typeof MeasureSchema>;

export interface MeasureDefinition {
  measure: Measure;
  department: DepartmentCode;
  label: string;
}

/** Measure → department (policy.md §3 "Referral"). Motivation and skills (扶志扶智) → rural revitalization *(reading)*. */
export const MEASURE_CATALOGUE: Record<Measure, MeasureDefinition> = {
  INDUSTRY: { measure: 'INDUSTRY', department: 'AGRICULTURE', label: '产业帮扶' },
  EMPLOYMENT: { measure: 'EMPLOYMENT', department: 'HUMAN_RESOURCES', label: '就业帮扶、技能培训' },
  PUBLIC_WELFARE_JOB: { measure: 'PUBLIC_WELFARE_JOB', department: 'HUMAN_RESOURCES', label: '公益岗位' },
  HEALTH: { measure: 'HEALTH', department: 'HEALTH', label: '健康帮扶（医保资助、大病保险、医疗救助）' },
  EDUCATION: { measure: 'EDUCATION', department: 'EDUCATION', label: '教育帮扶（教育资助、控辍保学、雨露计划）' },
  DIBAO: { measure: 'DIBAO', department: 'CIVIL_AFFAIRS', label: '低保' },
  EXTREMELY_POOR_SUPPORT: { measure: 'EXTREMELY_POOR_SUPPORT', department: 'CIVIL_AFFAIRS', label: '特困供养' },
  TEMPORARY_ASSISTANCE: { measure: 'TEMPORARY_ASSISTANCE', department: 'CIVIL_AFFAIRS', label: '临时救助' },
  HOUSING: { measure: 'HOUSING', department: 'HOUSING', label: '住房安全（危房改造）' },
  DRINKING_WATER: { measure: 'DRINKING_WATER', department: 'WATER', label: '饮水安全' },
  MICRO_CREDIT: { measure: 'MICRO_CREDIT', department: 'FINANCE', label: '小额信贷' },
  DISABILITY: { measure: 'DISABILITY', department: 'DISABLED_FEDERATION', label: '残疾人补贴' },
  SOCIAL_ASSISTANCE: { measure: 'SOCIAL_ASSISTANCE', department: 'SOCIAL_ASSISTANCE', label: '社会帮扶（万企帮万村）' },
  MOTIVATION_AND_SKILLS: { measure: 'MOTIVATION_AND_SKILLS', department: 'RURAL_REVITALIZATION', label: '扶志扶智' },
};

export function departmentOf(measure: Measure): DepartmentCode {
  return MEASURE_CATALOGUE[measure].department;
}

/** `YYYY-MM`. */
export const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为YYYY-MM' });
/** `YYYYQn`, e.g. `2026Q4`. */
export const QuarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, { message: '季度格式应为YYYYQn' });

/**
 * The optional household summary the lead adds to `case.decided` (and that task messages carry):
 * no names, no ID numbers.
 */
export const DecidedHouseholdSchema = z.object({
  colour: z.enum(['RED', 'YELLOW', 'BLUE']).optional(),
  category: z.enum(['UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP']).optional(),
  registeredPoor: z.boolean().optional(),
  relocated: z.boolean().optional(),
  hukouAreaCode: AreaCodeSchema.optional(),
  residenceAreaCode: AreaCodeSchema.optional(),
  memberCount: z.number().int().positive().optional(),
});
export type DecidedHousehold = z.infer<typeof DecidedHouseholdSchema>;

export const HelperAssignedPayloadSchema = z.object({
  helperId: z.string().min(1),
  role: HelperRoleSchema,
  assignedOn: LocalDateSchema,
  level: HelperLevelSchema,
  assignmentId: z.uuid().optional(),
  /** VILLAGE_COMMITTEE for a BLUE household tracked by the village (helperId is then `village-committee:<code>`). */
  assignee: AssigneeKindSchema.optional(),
});
export type HelperAssignedPayload = z.infer<typeof HelperAssignedPayloadSchema>;

export const HelperUnavailablePayloadSchema = z.object({
  helperId: z.string().min(1),
  reason: UnavailabilityReasonSchema,
  since: LocalDateSchema,
  /** The household's assignment the helper can no longer carry (stays in force until replaced). */
  role: HelperRoleSchema.optional(),
  proposalId: z.uuid().optional(),
  proposedHelperId: z.string().min(1).optional(),
});
export type HelperUnavailablePayload = z.infer<typeof HelperUnavailablePayloadSchema>;

export const HelperReplacedPayloadSchema = z.object({
  oldHelperId: z.string().min(1),
  helperId: z.string().min(1),
  role: HelperRoleSchema,
  assignedOn: LocalDateSchema,
  level: HelperLevelSchema.optional(),
  assignmentId: z.uuid().optional(),
});
export type HelperReplacedPayload = z.infer<typeof HelperReplacedPayloadSchema>;

export const PlanMeasureSchema = z.object({
  measureId: z.string().min(1),
  measure: MeasureSchema,
  department: DepartmentCodeSchema,
});

export const PlanAgreedPayloadSchema = z.object({
  planId: z.string().min(1),
  agreedOn: LocalDateSchema,
  measures: z.array(PlanMeasureSchema).min(1),
});
export type PlanAgreedPayload = z.infer<typeof PlanAgreedPayloadSchema>;

export const MeasuresStartedPayloadSchema = z.object({
  startedOn: LocalDateSchema,
  taskId: z.string().min(1).optional(),
});
export type MeasuresStartedPayload = z.infer<typeof MeasuresStartedPayloadSchema>;

export const TaskCreatedPayloadSchema = z.object({
  taskId: z.string().min(1),
  department: DepartmentCodeSchema,
  measure: MeasureSchema,
  createdOn: LocalDateSchema,
  planId: z.string().min(1).optional(),
  /** Department topic copies carry the case and a household summary (no names, no ID numbers). */
  caseId: z.uuid().optional(),
  areaCode: AreaCodeSchema.optional(),
  household: DecidedHouseholdSchema.optional(),
});
export type TaskCreatedPayload = z.infer<typeof TaskCreatedPayloadSchema>;

export const TaskAcknowledgedPayloadSchema = z.object({
  taskId: z.string().min(1),
  department: DepartmentCodeSchema,
  acknowledgedOn: LocalDateSchema,
});
export type TaskAcknowledgedPayload = z.infer<typeof TaskAcknowledgedPayloadSchema>;

export const TaskReportedPayloadSchema = z.object({
  taskId: z.string().min(1),
  department: DepartmentCodeSchema,
  reportedOn: LocalDateSchema,
  period: YearMonthSchema,
  amountFen: z.number().int().nonnegative().optional(),
  kind: z.enum(['PROGRESS', 'RESULT']).optional(),
  evidenceCount: z.number().int().nonnegative().optional(),
});
export type TaskReportedPayload = z.infer<typeof TaskReportedPayloadSchema>;

export const TaskCompletedPayloadSchema = z.object({
  taskId: z.string().min(1),
  department: DepartmentCodeSchema,
  completedOn: LocalDateSchema,
});
export type TaskCompletedPayload = z.infer<typeof TaskCompletedPayloadSchema>;

export const TaskRejectedPayloadSchema = z.object({
  taskId: z.string().min(1),
  department: DepartmentCodeSchema,
  rejectedOn: LocalDateSchema,
  reason: z.string().min(1).max(2000),
});
export type TaskRejectedPayload = z.infer<typeof TaskRejectedPayloadSchema>;

export const VisitRecordedPayloadSchema = z.object({
  visitId: z.string().min(1),
  helperId: z.string().min(1),
  visitedOn: LocalDateSchema,
  quarter: QuarterSchema,
  newRiskPoints: z.array(z.string().min(1).max(500)),
  photoCount: z.number().int().nonnegative().optional(),
});
export type VisitRecordedPayload = z.infer<typeof VisitRecordedPayloadSchema>;
