import { z } from 'zod';

/** Statistical area code (统计用区划代码): 12 digits; villages use all 12, higher levels pad with zeros. */
export const AreaCodeSchema = z.string().regex(/^\d{12}$/, { message: '区划代码必须为12位数字' });

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const LocalDateSchema = z.iso.date({ message: '日期格式应为YYYY-MM-DD' });

/** An instant with an explicit offset, e.g. `2024-10-10T23:59:59.999+08:00`. */
export const InstantSchema = z.iso.datetime({ offset: true, message: '时间格式应为带时区的ISO 8601' });

/** The six discovery channels of policy §2 (每个案件记录来源). */
export const DISCOVERY_CHANNELS = [
  'SELF_APPLICATION',
  'VILLAGE_GROUP_REPORT',
  'CADRE_VISIT',
  'DEPARTMENT_ALERT',
  'RELOCATION_SITE',
  'OTHER',
] as const;
export const DiscoveryChannelSchema = z.enum(DISCOVERY_CHANNELS);
export type DiscoveryChannel = z.infer<typeof DiscoveryChannelSchema>;

/** Administrative levels, top down. */
export const AREA_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export const AreaLevelSchema = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof AreaLevelSchema>;

/** Statutory clocks that can run late. */
export const DEADLINE_KINDS = [
  'RESPONSE', // 5 working days from discovery (Liuzhou)
  'DETERMINATION', // 20 working days from the application, paused while the property check is out (Dongtai)
  'COUNTY_BATCH', // the county's monthly approval batch cut-off
  'HELPER_ASSIGNMENT', // a helper within N working days of inclusion (default 10, a region profile may set 5)
  'MEASURES_START', // first measures within N working days of the assignment (default 10)
  'HELPER_REPLACEMENT', // a replacement within N working days of the helper becoming unavailable (default 10)
  'QUARTERLY_VISIT', // at least one helper visit per calendar quarter
  'MONTHLY_REPORT', // each open department task reports every calendar month (due its last working day)
] as const;
export const DeadlineKindSchema = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>;
