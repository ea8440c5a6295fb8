import { z } from 'zod';
import { InstantSchema } from '@prp/contracts';

/** A county: its 6-digit code, or the 12-digit statistical code padded with zeros (e.g. 450222000000). */
export const CountyParamSchema = z.object({
  code: z
    .string()
    .regex(/^(\d{6}|\d{6}000000)$/, { message: '县级区划代码应为6位数字或以000000结尾的12位数字' })
    .transform((code) => code.slice(0, 6)),
});

export const CountyBatchBodySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '批次月份格式应为YYYY-MM' }),
  actor: z.string().trim().min(1).max(100),
  /** When the county meeting decided the batch (entered after the fact); now when absent. */
  decidedAt: InstantSchema.optional(),
  decisions: z
    .array(
      z
        .object({
          caseId: z.uuid({ message: '案件ID必须为UUID' }),
          result: z.enum(['APPROVED', 'REJECTED']),
          reason: z.string().trim().min(1).max(2000).optional(),
        })
        .refine((d) => d.result === 'APPROVED' || Boolean(d.reason), {
          message: '不予纳入时必须填写原因',
          path: ['reason'],
          params: { code: 'STEP.REASON_REQUIRED' },
        }),
    )
    .min(1)
    .max(1000),
});
export type CountyBatchBody = z.infer<typeof CountyBatchBodySchema>;

export interface BatchVerdict {
  caseId: string;
  status: 'RECORDED' | 'ALREADY_RECORDED' | 'REFUSED';
  resultingStep?: string;
  outcome?: string | null;
  code?: string;
  message?: string;
}
