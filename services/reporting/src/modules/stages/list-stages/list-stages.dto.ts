import { z } from 'zod';
import { CASE_STEPS } from '@prp/contracts';

/** Steps a case can stand at on the chain (the case workflow's steps; watched BLUE households are not staged). */
const StageStepSchema = z.enum(CASE_STEPS).exclude(['BLUE_WATCH']);
export const STAGE_STEPS = StageStepSchema.options;

export const ListStagesQuerySchema = z.object({
  /** An area code or its prefix digits (a county's 6 digits, a township's 9). */
  areaCode: z
    .string()
    .regex(/^\d{2,12}$/, { message: '区划代码应为2至12位数字' })
    .optional(),
  step: z.enum(STAGE_STEPS, { message: `环节应为${STAGE_STEPS.join('/')}之一` }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListStagesQuery = z.infer<typeof ListStagesQuerySchema>;

export interface StageItemView {
  caseId: string;
  caseNo: string | null;
  areaCode: string;
  step: string;
  outcome: string | null;
  lastStep: string | null;
  lastResult: string | null;
  changedAt: string;
}

export interface StagesView {
  /** Households at each step within the area (every step listed, zero included). */
  counts: { step: string; count: number }[];
  items: StageItemView[];
  total: number;
}
