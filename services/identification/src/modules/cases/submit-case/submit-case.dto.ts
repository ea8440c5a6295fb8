import { z } from 'zod';
import { AreaCodeSchema, DiscoveryChannelSchema, LocalDateSchema } from '@prp/contracts';

/** The minimal household of the walking skeleton; the full household model comes with intake (issue 3). */
export const SubmitCaseSchema = z
  .object({
    villageCode: AreaCodeSchema.describe('行政村统计用区划代码（12位）'),
    channel: DiscoveryChannelSchema.describe('发现渠道'),
    discoveredOn: LocalDateSchema.describe('发现日期（北京时间）'),
    discoveredBy: z.string().trim().min(1).max(50).describe('发现人'),
    household: z.object({
      headName: z.string().trim().min(1).max(50).describe('户主姓名'),
      memberCount: z.number().int().min(1).max(30).describe('家庭人口数'),
    }),
  })
  .strict();
export type SubmitCaseRequest = z.infer<typeof SubmitCaseSchema>;

export const IdempotencyKeySchema = z.object({
  'idempotency-key': z.string().trim().min(8, { message: '幂等键至少8个字符' }).max(128),
});

export interface SubmitCaseResponse {
  caseId: string;
  caseNo: string;
  status: string;
  /** true when this key was already used with the same household: the original case is returned. */
  replayed: boolean;
  responseDue: { dueDate: string; dueAt: string; explanation: string };
}
