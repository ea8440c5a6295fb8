import { z } from 'zod';
import { CATEGORIES, COLOURS, RULE_IDS, type ScreeningDisposition } from '../../screening/domain';

const DISPOSITIONS = ['CASE', 'BLUE_WATCH', 'SCREENED_OUT'] as const satisfies readonly ScreeningDisposition[];

const RuleResultSchema = z.object({
  rule: z.enum(RULE_IDS),
  fired: z.boolean(),
  inputs: z.record(z.string(), z.unknown()),
  output: z.unknown().optional(),
  reason: z.string().describe('规则说明（中文）'),
});

export const ScreeningExplanationSchema = z
  .object({
    derived: z.literal(true).describe('规则明细系根据存档事实与所记政策版本重新推导'),
    consistent: z.boolean().describe('重新推导的结论与登记时记录的结论一致'),
    note: z.string().optional().describe('不一致时的中文说明：以登记时记录的结论为准'),
  })
  .describe('规则明细的来源（登记时仅存结论，明细在查询时重新推导）；旧记录存有完整明细时不返回');

const ScreeningSchema = z.object({
  qualifies: z.boolean(),
  disposition: z.enum(DISPOSITIONS),
  flagged: z.boolean(),
  category: z.enum(CATEGORIES).optional(),
  colour: z.enum(COLOURS).optional(),
  perCapitaIncomeFen: z.number().int(),
  monitoringLineFen: z.number().int(),
  reasons: z.array(z.string()).describe('登记时记录的结论说明（中文）'),
  rules: z.array(RuleResultSchema).describe('全部规则（按评估顺序），含输入与输出'),
  policyVersion: z.string().describe('筛查所用政策参数版本'),
  explanation: ScreeningExplanationSchema.optional(),
});

const nullableText = z.string().nullable();

/** `GET /api/v1/cases/{id}`: the case row (head name masked) with its full screening result. */
export const CaseDetailSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  areaCode: z.string(),
  channel: z.string(),
  discoveredOn: z.string(),
  discoveredBy: z.string(),
  headName: z.string().describe('户主姓名（脱敏）'),
  memberCount: z.number().int(),
  status: z.string(),
  responseDueDate: nullableText,
  identificationMonth: nullableText,
  category: nullableText,
  colour: nullableText,
  policyVersion: nullableText,
  screening: ScreeningSchema.nullable(),
  facts: z.record(z.string(), z.unknown()).nullable().describe('提交的家庭事实（姓名、身份证号码已脱敏）'),
  duplicateOf: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
  duplicateReview: z.record(z.string(), z.unknown()).nullable(),
  respondedAt: nullableText,
  createdAt: z.string(),
});
