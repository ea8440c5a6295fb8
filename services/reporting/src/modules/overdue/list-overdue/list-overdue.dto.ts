import { z } from 'zod';
import { DeadlineKindSchema } from '@prp/contracts';

export const ListOverdueQuerySchema = z.object({
  /** An area code or its prefix digits (e.g. a county's 6 digits) to narrow the board. */
  area: z
    .string()
    .regex(/^\d{2,12}$/, { message: '区划代码应为2至12位数字' })
    .optional(),
  kind: DeadlineKindSchema.optional(),
  /** A department code (e.g. CIVIL_AFFAIRS): only the items about its tasks. */
  department: z
    .string()
    .regex(/^[A-Z_]{2,40}$/, { message: '部门代码应为大写字母和下划线' })
    .optional(),
  /** Open items only by default; `resolved` adds the ones whose awaited step has since been recorded. */
  include: z.enum(['resolved'], { message: 'include只能为resolved' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListOverdueQuery = z.infer<typeof ListOverdueQuerySchema>;

export interface OverdueItemView {
  caseId: string;
  caseNo: string | null;
  kind: string;
  dueDate: string;
  dueAt: string;
  /** Calendar days past the due date, as of today in Asia/Shanghai (derived at query time). */
  daysOverdue: number;
  areaCode: string;
  responsibleLevel: string;
  escalatedTo: string;
  /** When the awaited step was recorded (null while the item is open). */
  resolvedAt: string | null;
  /** For an assistance item: the date of the fact that closed it (assignment, visit, report...), else null. */
  resolvedOn: string | null;
  /** For an assistance item: the type of the event that closed it (e.g. `task.reported`), else null. */
  resolvedByType: string | null;
  /** The task and department (monthly report), helper and role (assignment, replacement) or period, if any. */
  subject: { taskId?: string; department?: string; helperId?: string; role?: string; period?: string } | null;
}
