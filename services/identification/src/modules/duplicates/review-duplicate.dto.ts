import { z } from 'zod';

export const ReviewDuplicateSchema = z
  .object({
    reviewer: z.string().trim().min(1).max(50).describe('审核人'),
    reason: z.string().trim().min(2, { message: '请填写审核理由' }).max(500).describe('审核理由'),
  })
  .strict();
export type ReviewDuplicateRequest = z.infer<typeof ReviewDuplicateSchema>;

export const DuplicateIdParamSchema = z.object({ id: z.uuid({ message: 'ID必须为UUID' }) });
