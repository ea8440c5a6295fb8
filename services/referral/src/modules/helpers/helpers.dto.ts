import { z } from 'zod';
import {
  AreaCodeSchema,
  HelperAvailabilitySchema,
  HelperLevelSchema,
  LocalDateSchema,
  type HelperLevel,
} from '@prp/contracts';

/** The digits of the area code that name an area of each level (`[from, to)`); the digits after it are zeros. */
const LEVEL_SEGMENTS: Record<HelperLevel, [number, number]> = {
  CITY: [2, 4],
  COUNTY: [4, 6],
  TOWNSHIP: [6, 9],
  VILLAGE: [9, 12],
};
const LEVEL_AREA_LABELS: Record<HelperLevel, string> = {
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇级',
  VILLAGE: '村级',
};

/** A cadre's area matches their level: a city cadre works for a city (`430200000000`), a village cadre for a village. */
export function areaMatchesLevel(areaCode: string, level: HelperLevel): boolean {
  const [from, to] = LEVEL_SEGMENTS[level];
  return /^0*$/.test(areaCode.slice(to)) && !/^0+$/.test(areaCode.slice(from, to));
}

const HelperFieldsSchema = z.object({
  name: z.string().trim().min(1).max(50),
  level: HelperLevelSchema,
  /** Work unit (派出单位). */
  unit: z.string().trim().min(1).max(200),
  /** The area the cadre works in: a city code for a city cadre, a village code for a village cadre. */
  areaCode: AreaCodeSchema,
  /** Most households the cadre can take personally (the region's ratio may cap it lower). */
  capacity: z.number().int().min(1).max(50),
});
export const CreateHelperSchema = HelperFieldsSchema.superRefine((h, ctx) => {
  if (areaMatchesLevel(h.areaCode, h.level)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['areaCode'],
    message: `${LEVEL_AREA_LABELS[h.level]}干部的区划代码应为${LEVEL_AREA_LABELS[h.level]}区划`,
    params: { code: 'REFERRAL.AREA_LEVEL_MISMATCH' },
  });
});
export type CreateHelper = z.infer<typeof CreateHelperSchema>;

export const ListHelpersQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional(),
  level: HelperLevelSchema.optional(),
  availability: HelperAvailabilitySchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListHelpersQuery = z.infer<typeof ListHelpersQuerySchema>;

export const UpdateAvailabilitySchema = z.object({
  availability: HelperAvailabilitySchema,
  /** Since when (Asia/Shanghai date); today if absent. */
  since: LocalDateSchema.optional(),
});
export type UpdateAvailability = z.infer<typeof UpdateAvailabilitySchema>;

export const UuidParamSchema = z.object({ id: z.uuid({ message: '编号必须为UUID' }) });
