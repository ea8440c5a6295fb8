import { z } from 'zod';
import { DepartmentCodeSchema, LocalDateSchema, YearMonthSchema } from '@prp/contracts';

export const TASK_STATUSES = ['CREATED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RETURNED', 'COMPLETED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DepartmentParamSchema = z.object({ code: DepartmentCodeSchema });
export const TaskParamSchema = z.object({
  code: DepartmentCodeSchema,
  taskId: z.uuid({ message: '任务编号必须为UUID' }),
});

export const ListTasksQuerySchema = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTasksQuery = z.infer<typeof ListTasksQuerySchema>;

/** Metadata of a piece of evidence (the file itself stays in the department's own system). */
export const EvidenceSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(100),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { message: 'sha256应为64位十六进制' })
    .optional(),
  uri: z.string().max(2000).optional(),
});

export const ReportTaskSchema = z.object({
  /** PROGRESS for a monthly report, RESULT for the outcome of the measure. */
  kind: z.enum(['PROGRESS', 'RESULT']),
  period: YearMonthSchema,
  /** Amount paid or granted in the period, integer fen (分). */
  amountFen: z.number().int({ message: '金额应为整数（分）' }).nonnegative().optional(),
  evidence: z.array(EvidenceSchema).max(50).default([]),
  note: z.string().trim().max(2000).optional(),
  reportedOn: LocalDateSchema.optional(),
});
export type ReportTask = z.infer<typeof ReportTaskSchema>;

export const RejectTaskSchema = z.object({
  reason: z.string().trim().min(1, { message: '退回须说明原因' }).max(2000),
  rejectedOn: LocalDateSchema.optional(),
});
export type RejectTask = z.infer<typeof RejectTaskSchema>;

export const DatedActionSchema = z
  .object({ on: LocalDateSchema.optional(), note: z.string().trim().max(2000).optional() })
  .default({});
export type DatedAction = z.infer<typeof DatedActionSchema>;
