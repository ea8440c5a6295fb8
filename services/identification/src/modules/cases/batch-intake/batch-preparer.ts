import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { toShanghaiDate } from '@prp/calendar';
import { DATA_SOURCE, parseOrThrow, RequestValidationException, type FieldError } from '@prp/service-kit';
import { CalendarService } from '../../calendar/calendar.service';
import { PolicyProfileProvider } from '../../policy/policy-profile.provider';
import { PolicyService } from '../../policy/policy.service';
import { screenHousehold, summarizeScreening, type PolicyProfile } from '../../screening/domain';
import type { ProtectedNumbers } from '../pii';
import { BatchRecordSchema, type BatchRecord, type PreparedRecord, type RecordVerdict } from './batch-record';
import { fastBatchRecord } from './fast-batch-record';
import { covers, type ApiKeyPrincipal } from '../../access/api-key';
import { ACCESS_ERRORS, outsideAreaMessage } from '../../access/access-errors';

type ParsedRecord = { index: number; record: BatchRecord } | { index: number; errors: FieldError[] };

/** A chunk `BatchPreparer.start` has parsed and whose ID numbers the PII worker is protecting. */
export interface StartedChunk {
  raw: unknown[];
  offset: number;
  parsed: ParsedRecord[];
  records: BatchRecord[];
  /** Where each parsed record's numbers begin in what was sent to the worker. */
  firstMember: Map<number, number>;
  protecting: Promise<ProtectedNumbers>;
}

/** Records screened between two turns of the event loop, so a chunk being written meanwhile gets its replies. */
const YIELD_EVERY = 100;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PrepareOptions {
  /** Blind indexes and ciphertexts of a chunk's ID numbers (a `PiiWorker`: off the main thread). */
  pii: { protect(numbers: string[]): Promise<ProtectedNumbers> };
  /** Campaign area codes: a record outside all of them is rejected. */
  areaPrefixes?: string[];
  /** The caller's API key: a record outside its area is rejected with AUTH.OUTSIDE_AREA. */
  key?: Pick<ApiKeyPrincipal, 'areaCode' | 'areaPrefix'>;
  seenKeys: Set<string>;
  /** Response due dates already worked out in this batch, by village and discovery day. */
  dueDates: Map<string, string>;
}

/** Validates and screens a chunk of records in memory; policy, villages and due dates are looked up once each. */
@Injectable()
export class BatchPreparer {
  private readonly villages = new Map<string, boolean>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly profiles: PolicyProfileProvider,
    private readonly policy: PolicyService,
    private readonly calendar: CalendarService,
  ) {}

  /** `start` then `finish`: a chunk validated and screened, its ID numbers protected. */
  async prepare(raw: unknown[], offset: number, options: PrepareOptions) {
    return this.finish(this.start(raw, offset, options.pii), options);
  }

  /**
   * The first part of preparing a chunk: its records parsed and their ID numbers handed to the PII worker, which
   * protects them while this thread goes on (with this chunk's checks and screening, or with an earlier chunk's:
   * batch intake starts chunk n+1 before it finishes chunk n, so the worker, sharing the other core with
   * PostgreSQL, is never what the main thread waits for). A record rejected meanwhile leaves its numbers' results
   * unused.
   */
  start(raw: unknown[], offset: number, pii: PrepareOptions['pii']): StartedChunk {
    const parsed = raw.map((record, i) => this.parse(record, offset + i));
    const records: BatchRecord[] = [];
    const numbers: string[] = [];
    const firstMember = new Map<number, number>();
    for (const p of parsed) {
      if (!('record' in p)) continue;
      records.push(p.record);
      firstMember.set(p.index, numbers.length);
      for (const member of p.record.household.members) numbers.push(member.idCardNumber);
    }
    const protecting = pii.protect(numbers);
    protecting.catch(() => undefined); // awaited in `finish`; this keeps a failure meanwhile from being "unhandled"
    return { raw, offset, parsed, records, firstMember, protecting };
  }

  /** The rest of preparing a started chunk: checks, screening, due dates, and the protected numbers attached. */
  async finish(chunk: StartedChunk, options: PrepareOptions) {
    const { raw, offset, parsed, records, firstMember, protecting } = chunk;
    const prepared: PreparedRecord[] = [];
    const rejected: RecordVerdict[] = [];
    await this.loadVillages(records.map((record) => record.villageCode));
    const profiles = await this.profilesOf(records);
    const today = toShanghaiDate(new Date());
    for (const [n, p] of parsed.entries()) {
      if (n % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
      const errors = 'errors' in p ? p.errors : this.check(p.record, today, options);
      const result = errors.length === 0 && 'record' in p ? screen(p.record, p.index, profiles) : errors;
      if (Array.isArray(result)) {
        rejected.push(reject(p.index, raw[p.index - offset], result));
        continue;
      }
      if (result.screening.disposition === 'CASE') {
        const { villageCode, discoveredOn } = result.request;
        // Worked out once per village and day in a batch; only the first asks the calendar (and awaits).
        const known = options.dueDates.get(placeAndDay(villageCode, discoveredOn));
        result.responseDueDate = known ?? (await this.dueDate(villageCode, discoveredOn, options.dueDates));
      }
      prepared.push(result);
    }
    attachProtected(prepared, firstMember, await protecting);
    return { prepared, rejected };
  }

  private parse(record: unknown, index: number): ParsedRecord {
    const fast = fastBatchRecord(record);
    if (fast) return { index, record: fast };
    try {
      return { index, record: parseOrThrow(BatchRecordSchema, record) };
    } catch (error) {
      if (error instanceof RequestValidationException) return { index, errors: error.errors };
      throw error;
    }
  }

  private check(record: BatchRecord, today: string, options: PrepareOptions): FieldError[] {
    const errors: FieldError[] = [];
    const key = record.idempotencyKey;
    if (options.seenKeys.has(key))
      errors.push(fieldError('idempotencyKey', 'CASE.KEY_REPEATED_IN_BATCH', '同一批次内幂等键重复'));
    options.seenKeys.add(key);
    if (record.discoveredOn > today)
      errors.push(fieldError('discoveredOn', 'CASE.DISCOVERED_IN_FUTURE', '发现日期不能晚于今天（北京时间）'));
    if (!this.villages.get(record.villageCode))
      errors.push(fieldError('villageCode', 'CASE.UNKNOWN_VILLAGE', `行政村${record.villageCode}不在区划目录中`));
    const prefixes = options.areaPrefixes;
    if (prefixes && !prefixes.some((prefix) => record.villageCode.startsWith(prefix)))
      errors.push(fieldError('villageCode', 'CAMPAIGN.OUT_OF_AREA', `行政村${record.villageCode}不在本次摸排范围内`));
    if (options.key && !covers(options.key, record.villageCode)) {
      const message = outsideAreaMessage(record.villageCode, options.key.areaCode);
      errors.push(fieldError('villageCode', ACCESS_ERRORS.outsideArea, message));
    }
    return errors;
  }

  /**
   * The policy profile of each village and discovery day of a chunk's records (a handful), looked up before its
   * records are screened, so screening a record awaits nothing; a lookup's failure is the error of its records.
   */
  private async profilesOf(records: BatchRecord[]): Promise<Map<string, PolicyProfile | FieldError[]>> {
    const profiles = new Map<string, PolicyProfile | FieldError[]>();
    for (const record of records) {
      if (!this.villages.get(record.villageCode)) continue;
      const key = placeAndDay(record.villageCode, record.discoveredOn);
      if (profiles.has(key)) continue;
      try {
        profiles.set(key, await this.profiles.profileFor(record.villageCode, record.discoveredOn));
      } catch (error) {
        const body = (error as { response?: { code?: string; message?: string } }).response;
        const message = body?.message ?? '该地区无适用的政策参数';
        profiles.set(key, [fieldError('villageCode', body?.code ?? 'POLICY.NOT_FOUND', message)]);
      }
    }
    return profiles;
  }

  /** The response due date of a village's households discovered on a day, remembered in `known` for the batch. */
  private async dueDate(villageCode: string, discoveredOn: string, known: Map<string, string>): Promise<string> {
    const policy = await this.policy.effective(villageCode, discoveredOn);
    const due = (await this.calendar.deadline(discoveredOn, policy.values.response_working_days ?? 5)).dueDate;
    known.set(placeAndDay(villageCode, discoveredOn), due);
    return due;
  }

  private async loadVillages(codes: string[]): Promise<void> {
    const missing = [...new Set(codes)].filter((code) => !this.villages.has(code));
    if (missing.length === 0) return;
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM area WHERE code = ANY($1::text[]) AND level = 'VILLAGE'`,
      [missing],
    );
    const found = new Set(rows.map((row) => row.code));
    for (const code of missing) if (found.has(code)) this.villages.set(code, true);
  }
}

/** The key of policy profiles and due dates: both depend only on the village and the discovery day. */
function placeAndDay(villageCode: string, discoveredOn: string): string {
  return `${villageCode}|${discoveredOn}`;
}

/** Screens a checked record with its village's profile (see `profilesOf`); the due date is filled in after. */
function screen(
  record: BatchRecord,
  index: number,
  profiles: Map<string, PolicyProfile | FieldError[]>,
): PreparedRecord | FieldError[] {
  const { idempotencyKey, ...request } = record;
  const profile = profiles.get(placeAndDay(request.villageCode, request.discoveredOn));
  if (!profile) throw new Error(`no policy profile looked up for village ${request.villageCode}`);
  if (Array.isArray(profile)) return profile;
  const identificationMonth = request.identificationMonth ?? request.discoveredOn.slice(0, 7);
  const screening = summarizeScreening(screenHousehold({ ...request.household, identificationMonth }, profile));
  return {
    index,
    request,
    idempotencyKey,
    identificationMonth,
    screening,
    responseDueDate: null,
    memberIndexes: [],
    memberCiphers: [],
  };
}

/** Gives each prepared household its members' blind indexes and ciphertexts, from where its numbers begin. */
function attachProtected(prepared: PreparedRecord[], firstMember: Map<number, number>, ids: ProtectedNumbers): void {
  for (const r of prepared) {
    const from = firstMember.get(r.index);
    if (from === undefined) throw new Error(`record ${r.index} has no parsed members`);
    const n = r.request.household.members.length;
    r.memberIndexes = ids.indexes.slice(from, from + n);
    r.memberCiphers = ids.ciphers.slice(from, from + n);
  }
}

function fieldError(field: string, code: string, message: string): FieldError {
  return { field, code, message: `${field}：${message}` };
}

function reject(index: number, raw: unknown, errors: FieldError[]): RecordVerdict {
  const key = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
  return { index, idempotencyKey: typeof key === 'string' ? key : null, status: 'REJECTED', errors };
}
