import { z } from 'zod';
import { AreaCodeSchema, DiscoveryChannelSchema, LocalDateSchema } from '@prp/contracts';
import { YEAR_MONTH_PATTERN, type ExplainedScreening } from '../../screening/domain';
import { HouseholdSchema } from '../household.dto';

/** A suspected household submitted by a township or village system (疑似监测户). */
export const SubmitCaseSchema = z
  .object({
    villageCode: AreaCodeSchema.describe('行政村统计用区划代码（12位）'),
    channel: DiscoveryChannelSchema.describe('发现渠道'),
    discoveredOn: LocalDateSchema.describe('发现日期（北京时间）'),
    discoveredBy: z.string().trim().min(1).max(50).describe('发现人'),
    identificationMonth: z
      .string()
      .regex(YEAR_MONTH_PATTERN, { message: '月份格式应为YYYY-MM' })
      .optional()
      .describe('认定月份（默认为发现日期所在月份）'),
    household: HouseholdSchema,
  })
  .strict();
export type SubmitCaseRequest = z.infer<typeof SubmitCaseSchema>;

export const IdempotencyKeySchema = z.object({
  'idempotency-key': z.string().trim().min(8, { message: '幂等键至少8个字符' }).max(128),
});

export interface SubmitCaseResponse {
  caseId: string;
  caseNo: string;
  /** SUSPECTED (a case with its workflow), BLUE_WATCH, SCREENED_OUT or DUPLICATE_SUSPECTED. */
  status: string;
  /** true when this key was already used with the same household: the original case is returned. */
  replayed: boolean;
  /** Every rule with its inputs; on a replay re-derived from the stored facts (see `explanation`). */
  screening: ExplainedScreening;
  /** The open case a member already belongs to, when this submission is a suspected duplicate. */
  duplicateOf?: string;
  /** The first due date (response), for a case that opens the approval chain. */
  responseDue?: { dueDate: string; dueAt: string; explanation: string };
}
