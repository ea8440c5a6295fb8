import { z } from 'zod';
import { AreaCodeSchema, LocalDateSchema } from '@prp/contracts';
import {
  DISABILITY_GRADES,
  EXPENSE_TYPES,
  GUARANTEE_KEYS,
  HEALTH_STATUSES,
  INCOME_TYPES,
  LABOUR_CAPACITIES,
  RELATIONS,
  RISK_POINTS,
  SCHOOLING_LEVELS,
  YEAR_MONTH_PATTERN,
  validateIdCard,
  type GuaranteeKey,
} from '../screening/domain';

const YearMonthSchema = z.string().regex(YEAR_MONTH_PATTERN, { message: '月份格式应为YYYY-MM' });
const FenSchema = z.number().int({ message: '金额应为整数（分）' }).nonnegative({ message: '金额不能为负数' });

const MemberSchema = z
  .object({
    idCardNumber: z.string().trim().describe('身份证号码（18位，GB 11643校验）'),
    name: z.string().trim().min(1).max(50).describe('姓名'),
    relation: z.enum(RELATIONS).describe('与户主关系'),
    birthDate: LocalDateSchema.describe('出生日期'),
    labourCapacity: z.enum(LABOUR_CAPACITIES).describe('劳动能力'),
    health: z.enum(HEALTH_STATUSES).describe('健康状况'),
    disabilityGrade: z.enum(DISABILITY_GRADES).describe('残疾等级'),
    schoolingLevel: z.enum(SCHOOLING_LEVELS).describe('在校情况'),
  })
  .strict()
  .superRefine((member, ctx) => {
    const id = validateIdCard(member.idCardNumber);
    if (!id.valid)
      ctx.addIssue({ code: 'custom', path: ['idCardNumber'], message: id.message, params: { code: id.code } });
    else if (id.birthDate !== member.birthDate) {
      const message = `出生日期与身份证号码不一致（号码中为${id.birthDate}）`;
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message, params: { code: 'MEMBER.BIRTH_DATE_MISMATCH' } });
    }
  });

const MoneyEntrySchema = <T extends readonly [string, ...string[]]>(types: T) =>
  z.object({ type: z.enum(types), month: YearMonthSchema, amountFen: FenSchema }).strict();

const GuaranteesSchema = z
  .object(Object.fromEntries(GUARANTEE_KEYS.map((key) => [key, z.boolean()])) as Record<GuaranteeKey, z.ZodBoolean>)
  .strict();

/** The household facts a township or village system submits (家庭基本信息、收支、风险点). */
export const HouseholdSchema = z
  .object({
    members: z.array(MemberSchema).min(1).max(30).describe('家庭成员（全部计入家庭人口）'),
    registeredPoor: z.boolean().describe('是否建档立卡户（档内）'),
    relocated: z.boolean().describe('是否易地扶贫搬迁户'),
    hukouAreaCode: AreaCodeSchema.optional().describe('户籍地区划代码'),
    residenceAreaCode: AreaCodeSchema.optional().describe('居住地区划代码'),
    incomes: z.array(MoneyEntrySchema(INCOME_TYPES)).max(500).describe('收入明细（按类型、月份，单位分）'),
    expenses: z.array(MoneyEntrySchema(EXPENSE_TYPES)).max(500).describe('支出明细（按类型、月份，单位分）'),
    lastYearIncomeFen: FenSchema.optional().describe('上年家庭收入（分）'),
    riskPoints: z.array(z.enum(RISK_POINTS)).max(20).describe('风险点'),
    guarantees: GuaranteesSchema.describe('两不愁三保障及饮水安全（true为达标）'),
    childrenAbleToSupport: z.boolean().describe('子女是否有充足赡养能力'),
  })
  .strict()
  .superRefine((household, ctx) => {
    const heads = household.members.filter((member) => member.relation === 'HEAD').length;
    if (heads !== 1) {
      const message = `家庭成员中应有且只有一名户主（当前${heads}名）`;
      ctx.addIssue({ code: 'custom', path: ['members'], message, params: { code: 'HOUSEHOLD.HEAD_COUNT' } });
    }
    const seen = new Set<string>();
    household.members.forEach((member, index) => {
      const id = member.idCardNumber.toUpperCase();
      if (seen.has(id)) {
        const message = '同一户内身份证号码重复';
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'idCardNumber'],
          message,
          params: { code: 'MEMBER.DUPLICATE_ID' },
        });
      }
      seen.add(id);
    });
  });
export type HouseholdRequest = z.infer<typeof HouseholdSchema>;
