import { z } from 'zod';
import { InstantSchema } from '@prp/contracts';

export const ReportRiskPointBodySchema = z.object({
  /** Idempotency of the report; or the Idempotency-Key header. */
  reportId: z.uuid({ message: '报告编号必须为UUID' }).optional(),
  riskPoint: z.string().trim().min(1).max(500),
  observedAt: InstantSchema,
  reportedBy: z.string().trim().min(1).max(100),
});
export type ReportRiskPointBody = z.infer<typeof ReportRiskPointBodySchema>;
