import { z } from 'zod';
import { DepartmentCodeSchema } from '@prp/contracts';

export const DepartmentParamsSchema = z.object({ code: DepartmentCodeSchema });

export const DepartmentSummaryQuerySchema = z.object({
  /** An area code or its prefix digits (a county's 6 digits, a township's 9). */
  area: z
    .string()
    .regex(/^\d{2,12}$/, { message: '区划代码应为2至12位数字' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DepartmentSummaryQuery = z.infer<typeof DepartmentSummaryQuerySchema>;

export const TASK_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'COMPLETED', 'REJECTED'] as const;

export interface OpenTaskView {
  taskId: string;
  caseId: string;
  areaCode: string;
  measure: string;
  status: string;
  createdOn: string;
  /** The latest month the department reported on (null before its first report). */
  lastReportedPeriod: string | null;
  /** Monthly reports of this task on the overdue board that are still open. */
  overdueReports: number;
}

export interface DepartmentSummaryView {
  department: string;
  /** The department's tasks in the area by status (every status listed, zero included). */
  counts: { status: string; count: number }[];
  /** Open overdue items about the department's tasks, and how many tasks they concern. */
  overdue: { items: number; tasks: number };
  /** Tasks still open (not completed or rejected), most overdue reports first. */
  openTasks: OpenTaskView[];
  openTotal: number;
}
