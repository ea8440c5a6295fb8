import { z } from 'zod';
import { AreaCodeSchema, HelperRoleSchema } from '@prp/contracts';
import { AssignmentPolicyOverrideSchema } from './domain/assignment-policy';

export const CaseIdParamSchema = z.object({ caseId: z.uuid({ message: '案件编号必须为UUID' }) });
export const ProposalIdParamSchema = z.object({ id: z.uuid({ message: '调整建议编号必须为UUID' }) });

export const AssignBodySchema = z
  .object({
    /** A cadre chosen by hand (checked against the rules); absent → chosen by the rules. */
    helperId: z.uuid({ message: '帮扶责任人编号必须为UUID' }).optional(),
    role: HelperRoleSchema.optional(),
  })
  .default({});
export type AssignBody = z.infer<typeof AssignBodySchema>;

export const ConfirmReplacementSchema = z
  .object({ helperId: z.uuid({ message: '帮扶责任人编号必须为UUID' }).optional() })
  .default({});
export type ConfirmReplacement = z.infer<typeof ConfirmReplacementSchema>;

export const AssignPendingSchema = z.object({ areaCode: AreaCodeSchema });
export type AssignPending = z.infer<typeof AssignPendingSchema>;

export const AreaQuerySchema = z.object({ areaCode: AreaCodeSchema.optional() });

export const ListProposalsQuerySchema = z.object({
  status: z.enum(['PROPOSED', 'ASSIGNED', 'WITHDRAWN']).optional(),
  areaCode: AreaCodeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const PolicyPrefixParamSchema = z.object({
  areaPrefix: z.string().regex(/^[0-9]{2,12}$/, { message: '区划前缀应为2至12位数字' }),
});
export const PolicyOverrideBodySchema = AssignmentPolicyOverrideSchema.strict();
