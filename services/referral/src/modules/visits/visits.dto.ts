import { z } from 'zod';
import { InstantSchema, LocalDateSchema } from '@prp/contracts';

export const RecordVisitSchema = z.object({
  /** Client-chosen visit id: the same visit sent twice is recorded once. */
  visitId: z.uuid({ message: '走访编号必须为UUID' }).optional(),
  /** The household's current helper (cadre id, or `village-committee:<code>`). */
  helperId: z.string().trim().min(1).max(100),
  visitedOn: LocalDateSchema,
  findings: z.string().trim().min(1).max(5000),
  photos: z
    .array(
      z.object({
        fileName: z.string().trim().min(1).max(255),
        contentType: z.string().trim().min(1).max(100),
        sizeBytes: z.number().int().nonnegative(),
        takenAt: InstantSchema.optional(),
      }),
    )
    .max(50)
    .default([]),
  /** Income changes noticed on the visit, per month, integer fen (negative for a drop). */
  incomeChanges: z
    .array(
      z.object({
        source: z.string().trim().min(1).max(200),
        monthlyChangeFen: z.number().int({ message: '金额应为整数（分）' }),
      }),
    )
    .max(50)
    .default([]),
  newRiskPoints: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export type RecordVisit = z.infer<typeof RecordVisitSchema>;
