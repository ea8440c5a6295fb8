import { z } from 'zod';
import type { FieldError } from '@prp/service-kit';
import type { ScreeningSummary } from '../../screening/domain';
import { SubmitCaseSchema, type SubmitCaseRequest } from '../submit-case/submit-case.dto';

export const MAX_BATCH_RECORDS = 10_000;

/** One household of a batch: the single-intake body plus its own idempotency key. */
export const BatchRecordSchema = SubmitCaseSchema.extend({
  idempotencyKey: z.string().trim().min(8, { message: '幂等键至少8个字符' }).max(128).describe('幂等键'),
}).strict();
export type BatchRecord = z.infer<typeof BatchRecordSchema>;

/** Records are validated one by one (a bad record is reported, not the whole batch refused). */
export const BatchRequestSchema = z
  .object({
    records: z
      .array(z.unknown())
      .min(1, { message: '至少提交一户' })
      .max(MAX_BATCH_RECORDS, { message: `每批最多${MAX_BATCH_RECORDS}户` }),
  })
  .strict();

export type VerdictStatus = 'CREATED' | 'REPLAYED' | 'SCREENED_OUT' | 'DUPLICATE_SUSPECTED' | 'REJECTED';

export interface RecordVerdict {
  index: number;
  idempotencyKey: string | null;
  status: VerdictStatus;
  /** The case (or, for SCREENED_OUT, the screened record) stored for this household. */
  caseId?: string;
  caseNo?: string;
  /** SUSPECTED, BLUE_WATCH, SCREENED_OUT or DUPLICATE_SUSPECTED as stored. */
  caseStatus?: string;
  colour?: string | null;
  duplicateOf?: string;
  errors?: FieldError[];
}

/** A validated, screened household ready to be stored. */
export interface PreparedRecord {
  index: number;
  request: SubmitCaseRequest;
  idempotencyKey: string;
  identificationMonth: string;
  /** Only the verdict: a batch answers per record with status and colour, and the row stores the summary. */
  screening: ScreeningSummary;
  responseDueDate: string | null;
  /** Blind index and AES-GCM ciphertext of each member's ID number, by position. */
  memberIndexes: string[];
  memberCiphers: string[];
}

export interface BatchSummary {
  total: number;
  created: number;
  replayed: number;
  screenedOut: number;
  duplicateSuspected: number;
  rejected: number;
  /** New suspected cases (each with its `case.submitted` and workflow). */
  flagged: number;
}

export function summarize(verdicts: RecordVerdict[]): BatchSummary {
  const summary = {
    total: verdicts.length,
    created: 0,
    replayed: 0,
    screenedOut: 0,
    duplicateSuspected: 0,
    rejected: 0,
    flagged: 0,
  };
  for (const v of verdicts) {
    if (v.status === 'CREATED') {
      summary.created++;
      if (v.caseStatus === 'SUSPECTED') summary.flagged++;
    } else if (v.status === 'REPLAYED') summary.replayed++;
    else if (v.status === 'SCREENED_OUT') summary.screenedOut++;
    else if (v.status === 'DUPLICATE_SUSPECTED') summary.duplicateSuspected++;
    else summary.rejected++;
  }
  return summary;
}
