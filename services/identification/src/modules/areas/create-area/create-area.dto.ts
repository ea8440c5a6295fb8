import { z } from 'zod';
import { AREA_TREE_LEVELS } from '../area-tree';

export const CreateAreaSchema = z
  .object({
    code: z
      .string()
      .regex(/^(\d{12}|\d{15})$/, { message: '区划代码应为12位统计用区划代码，村民小组为村代码加3位组号共15位' })
      .describe('区划代码'),
    name: z.string().trim().min(1, { message: '名称不能为空' }).max(60, { message: '名称不超过60个字' }),
    level: z.enum(AREA_TREE_LEVELS, { message: '层级应为PROVINCE、CITY、COUNTY、TOWNSHIP、VILLAGE或VILLAGE_GROUP' }),
    parentCode: z.string().nullish().describe('上级区划代码（省级为空）'),
    registeredPoorPopulation: z
      .number()
      .int({ message: '建档立卡人口应为整数' })
      .nonnegative({ message: '建档立卡人口不能为负数' })
      .optional()
      .describe('建档立卡人口（仅区县）'),
  })
  .strict();

export type CreateAreaRequest = z.infer<typeof CreateAreaSchema>;
