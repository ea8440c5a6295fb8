import { z } from 'zod';
import { YEAR_MONTH_PATTERN, type ScreeningResult } from '../../screening/domain';
import { HouseholdSchema } from '../household.dto';

const CHINESE = /[\u4e00-\u9fa5]/;

/** The complete new household of a case (as at intake), why it changed and who changed it (家庭信息变更). */
export const AmendFactsSchema = z
  .object({
    household: HouseholdSchema,
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .refine((text) => CHINESE.test(text), {
        message: '变更原因请用中文填写',
        params: { code: 'FACTS.REASON_NOT_CHINESE' },
      })
      .describe('变更原因（中文）'),
    changedBy: z.string().trim().min(1).max(100).describe('变更人（账号或工号）'),
    identificationMonth: z
      .string()
      .regex(YEAR_MONTH_PATTERN, { message: '月份格式应为YYYY-MM' })
      .optional()
      .describe('认定月份（默认沿用案件原认定月份）'),
    idempotencyKey: z.string().trim().min(8, { message: '幂等键至少8个字符' }).max(128).describe('幂等键'),
  })
  .strict();
export type AmendFactsRequest = z.infer<typeof AmendFactsSchema>;

/** What a clerk is told about a case whose facts no longer qualify while it is in the approval chain. */
export interface ScreeningWarning {
  code: 'CASE.NO_LONGER_QUALIFIES';
  message: string;
  revisionNo: number;
  at: string;
}

export interface RescreenResponse {
  caseId: string;
  caseNo: string;
  revisionNo: number;
  previousStatus: string;
  status: string;
  /** A screened-out or watched household that qualifies now: a suspected case whose workflow starts. */
  becameSuspected: boolean;
  /** The case was already in the approval chain: its category and colour changed, its step did not. */
  inApprovalChain: boolean;
  previous: { category: string | null; colour: string | null; qualifies: boolean | null };
  screening: ScreeningResult;
  /** The first due date (response) of a case that just became suspected. */
  responseDue?: { dueDate: string; dueAt: string; explanation: string };
  warning: ScreeningWarning | null;
  /** Chinese summary for the clerk. */
  message: string;
  /** true when this idempotency key was already used with the same change: the first answer is returned. */
  replayed: boolean;
}
