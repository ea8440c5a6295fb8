import { z } from 'zod';
import { InstantSchema } from './primitives';

/**
 * The statutory approval chain of a case (policy.md §2, Liuzhou procedure), as an ordered, versioned flow.
 * A case keeps the flow version it started with; the workflow is the authority on order.
 */
export const APPROVAL_FLOW_VERSION = 'liuzhou-2021.v1';

/** Steps a clerk or reviewer records, in order. PROPERTY_CHECK is answered once per department. */
export const APPROVAL_STEPS = [
  'RESPONSE', // first contact with the household (响应)
  'HOME_VERIFICATION', // 入户核实
  'PROPERTY_CHECK', // 财产检索: countersign of the departments below; the 20-day clock pauses while out
  'VILLAGE_REVIEW', // 行政村评议
  'TOWNSHIP_RECHECK', // 乡镇复核
  'PUBLIC_NOTICE', // 公示 (result PASSED when the notice period ends without objection, OBJECTED otherwise)
  'COUNTY_APPROVAL', // 县级审定 (monthly batch per county)
] as const;
export const ApprovalStepSchema = z.enum(APPROVAL_STEPS);
export type ApprovalStep = z.infer<typeof ApprovalStepSchema>;

/** Departments that answer the property and income check (财产检索会签). */
export const PROPERTY_CHECK_DEPARTMENTS = [
  'CIVIL_AFFAIRS', // 民政
  'NATURAL_RESOURCES', // 自然资源/不动产登记
  'MARKET_REGULATION', // 市场监管
  'PUBLIC_SECURITY', // 公安/车辆
] as const;
export const PropertyCheckDepartmentSchema = z.enum(PROPERTY_CHECK_DEPARTMENTS);
export type PropertyCheckDepartment = z.infer<typeof PropertyCheckDepartmentSchema>;

/**
 * Outcome of a step. APPROVED/REJECTED for reviews and decisions; PASSED/OBJECTED for the public notice;
 * for PROPERTY_CHECK a department answers CLEAR (nothing found) or FOUND (assets/income found, see reason);
 * SENT is recorded when the check request goes out (the clock pauses), each department's answer resumes it
 * once all four answered.
 */
export const STEP_RESULTS = ['DONE', 'SENT', 'CLEAR', 'FOUND', 'APPROVED', 'REJECTED', 'PASSED', 'OBJECTED'] as const;
export const StepResultSchema = z.enum(STEP_RESULTS);
export type StepResult = z.infer<typeof StepResultSchema>;

export const AttachmentSchema = z.object({
  name: z.string().min(1).max(200),
  contentType: z.string().min(1).max(100),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: '附件摘要应为64位十六进制SHA-256' }),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** One recorded decision of the ledger; also the argument of the workflow's `recordStep` update. */
export const StepDecisionSchema = z.object({
  /** Idempotency of the decision (the update id); a repeated decision with the same id is a no-op. */
  decisionId: z.uuid(),
  step: ApprovalStepSchema,
  result: StepResultSchema,
  department: PropertyCheckDepartmentSchema.optional(),
  actor: z.string().min(1).max(100),
  decidedAt: InstantSchema,
  reason: z.string().max(2000).optional(),
  attachments: z.array(AttachmentSchema).max(50).default([]),
});
export type StepDecision = z.infer<typeof StepDecisionSchema>;

/** Final outcome of the chain; the household is informed of it (a notification record). */
export const CASE_OUTCOMES = ['INCLUDED', 'REJECTED'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
