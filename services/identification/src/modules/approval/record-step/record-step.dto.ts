import { z } from 'zod';
import {
  ApprovalStepSchema,
  AttachmentSchema,
  InstantSchema,
  PropertyCheckDepartmentSchema,
  StepResultSchema,
  type ApprovalStep,
  type StepResult,
} from '@prp/contracts';

/**
 * Results a clerk may record at each step (policy.md §2); the workflow decides whether it is the step's
 * turn. A notice period that ends without objection is recorded PASSED by the workflow itself.
 */
export const RESULTS_BY_STEP: Record<ApprovalStep, readonly StepResult[]> = {
  RESPONSE: ['DONE'],
  HOME_VERIFICATION: ['DONE', 'REJECTED'],
  PROPERTY_CHECK: ['SENT', 'CLEAR', 'FOUND'],
  VILLAGE_REVIEW: ['APPROVED', 'REJECTED'],
  TOWNSHIP_RECHECK: ['APPROVED', 'REJECTED'],
  PUBLIC_NOTICE: ['OBJECTED'],
  COUNTY_APPROVAL: ['APPROVED', 'REJECTED'],
};

function resultMessage(step: ApprovalStep, allowed: readonly StepResult[]): string {
  if (step === 'PUBLIC_NOTICE') return '公示期满无异议由系统自动记录，人工只能登记异议（OBJECTED）';
  return `环节${step}的结果只能是${allowed.join('/')}`;
}

/** A result that turns the household down or sends it back must say why. */
const NEEDS_REASON: readonly StepResult[] = ['REJECTED', 'FOUND', 'OBJECTED'];

export const RecordStepBodySchema = z
  .object({
    decisionId: z.uuid({ message: '决策编号必须为UUID' }).optional(),
    step: ApprovalStepSchema,
    result: StepResultSchema,
    department: PropertyCheckDepartmentSchema.optional(),
    actor: z.string().trim().min(1).max(100),
    decidedAt: InstantSchema.optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    attachments: z.array(AttachmentSchema).max(50).default([]),
  })
  .superRefine((body, ctx) => {
    const allowed = RESULTS_BY_STEP[body.step];
    if (!allowed.includes(body.result)) {
      const message = resultMessage(body.step, allowed);
      ctx.addIssue({ code: 'custom', path: ['result'], message, params: { code: 'STEP.RESULT_NOT_ALLOWED' } });
    }
    if (NEEDS_REASON.includes(body.result) && !body.reason) {
      const message = '不予通过、查有财产或公示有异议时必须填写原因';
      ctx.addIssue({ code: 'custom', path: ['reason'], message, params: { code: 'STEP.REASON_REQUIRED' } });
    }
    const answersCheck = body.step === 'PROPERTY_CHECK' && body.result !== 'SENT';
    if (answersCheck && !body.department) {
      const message = '财产检索的回复必须注明答复部门';
      ctx.addIssue({ code: 'custom', path: ['department'], message, params: { code: 'STEP.DEPARTMENT_REQUIRED' } });
    }
    if (body.department && !answersCheck) {
      const message = '只有财产检索的部门回复才填写部门';
      ctx.addIssue({ code: 'custom', path: ['department'], message, params: { code: 'STEP.DEPARTMENT_NOT_ALLOWED' } });
    }
  });
export type RecordStepBody = z.infer<typeof RecordStepBodySchema>;

export const IdempotencyHeaderSchema = z.object({
  'Idempotency-Key': z.uuid({ message: 'Idempotency-Key必须为UUID（即决策编号）' }).optional(),
});

export interface RecordStepResult {
  caseId: string;
  decisionId: string;
  step: string | null;
  result: string | null;
  resultingStep: string;
  outcome: string | null;
  notificationId: string | null;
  alreadyRecorded: boolean;
}
