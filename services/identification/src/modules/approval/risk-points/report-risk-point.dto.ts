import { z } from 'zod';
import { InstantSchema } from '@prp/contracts';
import { RISK_POINTS } from '../../screening/domain';

export const ReportRiskPointBodySchema = z.object({
  /** Idempotency of the report; or the Idempotency-Key header. */
  reportId: z.uuid({ message: '报告编号必须为UUID' }).optional(),
  riskPoint: z.string().trim().min(1).max(500),
  /**
   * The screening's kind of risk point, for a screened-out household screened again with it added. Absent: the
   * kind whose Chinese name the text is (因病, 因灾 …), else OTHER.
   */
  riskPointType: z.enum(RISK_POINTS).optional(),
  observedAt: InstantSchema,
  reportedBy: z.string().trim().min(1).max(100),
});
export type ReportRiskPointBody = z.infer<typeof ReportRiskPointBodySchema>;
