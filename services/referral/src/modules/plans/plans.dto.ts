import { z } from 'zod';
import { LocalDateSchema, MeasureSchema } from '@prp/contracts';

export const AgreePlanSchema = z.object({
  /** Client-chosen plan id: sending the same plan twice records it once. */
  planId: z.uuid({ message: '计划编号必须为UUID' }).optional(),
  agreedOn: LocalDateSchema,
  /** The helper (or official) who recorded the plan. */
  recordedBy: z.string().trim().min(1).max(100),
  /** How the household agreed (e.g. 户主签字确认). */
  householdConsent: z.string().trim().min(1).max(500),
  /** Each need (缺什么) with the measure that fills it (补什么); every measure becomes one department task. */
  needs: z
    .array(z.object({ need: z.string().trim().min(1).max(500), measure: MeasureSchema }))
    .min(1, { message: '帮扶计划至少包含一项措施' })
    .max(30),
});
export type AgreePlan = z.infer<typeof AgreePlanSchema>;
