import { z } from 'zod';
import { AreaCodeSchema } from '@prp/contracts';

export const CreateCampaignSchema = z
  .object({
    kind: z.enum(['FULL', 'KEY_AREA']).describe('FULL 全面摸排；KEY_AREA 重点区域摸排'),
    quarter: z
      .string()
      .regex(/^\d{4}Q[1-4]$/, { message: '季度格式应为YYYYQn，如2026Q4' })
      .describe('摸排季度'),
    areaCodes: z.array(AreaCodeSchema).min(1, { message: '至少一个摸排区划' }).max(500).describe('摸排范围（区划代码）'),
  })
  .strict();
export type CreateCampaignRequest = z.infer<typeof CreateCampaignSchema>;

export const CampaignIdParamSchema = z.object({ id: z.uuid({ message: '摸排ID必须为UUID' }) });

export interface CampaignProgress {
  total: number;
  done: number;
  flagged: number;
  rejected: number;
  remaining: number;
  status: string;
}
