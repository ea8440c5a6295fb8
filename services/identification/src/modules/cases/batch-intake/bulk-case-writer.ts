import type { EntityManager } from 'typeorm';
import { timeOrderedId } from '@prp/persistence';
import { OPEN_CASE_STATUSES, type CaseStatus } from '../../../database/household-case.entity';
import { householdHead, lockOpenCasesOf } from '../household-members';
import { requestHash } from '../request-hash';
import { caseNumber, STATUS_BY_DISPOSITION, submittedEvent } from '../submit-case/case-writer';
import type { PreparedRecord, RecordVerdict } from './batch-record';
import { insertCases, insertMembersOf, insertOutbox, type NewCaseRow } from './bulk-sql';

interface Existing {
  id: string;
  case_no: string;
  idempotency_key: string;
  request_hash: string;
  status: string;
  colour: string | null;
}

/**
 * Stores a chunk of prepared households in the caller's transaction with one COPY per table.
 * Replays are answered from the stored case; a member already in an open case (in the database or earlier
 * in the batch) makes the household a suspected duplicate with no event.
 */
export class BulkCaseWriter {
  /**
   * Two rounds of statements queued together on the connection: locks and lookups, then the rows and whatever
   * `after` writes with them (a campaign's progress). The main thread is often busy screening the next chunk, and
   * every statement awaited on its own would add a wait for it.
   */
  async write(
    manager: EntityManager,
    records: PreparedRecord[],
    campaignId: string | null,
    after?: (verdicts: RecordVerdict[]) => Promise<void>,
  ): Promise<RecordVerdict[]> {
    const indexes = [...new Set(records.flatMap((r) => r.memberIndexes))]; // the function orders its locks itself
    const keys = records.map((r) => r.idempotencyKey);
    const [open, { existing, seqs }] = await Promise.all([
      lockOpenCasesOf(manager, indexes), // first: what follows sees every case committed by a writer it waited for
      storedKeysAndCaseNumbers(manager, keys),
    ]);
    const openCases = new Map(open.map((row) => [row.id_card_index, row.case_id]));
    const fresh = records.filter((r) => !existing.has(r.idempotencyKey));
    const cases = fresh.map((r, i) => this.toCase(r, seqs[i], openCases, campaignId));
    const created = new Map(cases.map((c, i) => [fresh[i].index, c]));
    const verdicts = records.map((r) => {
      const c = created.get(r.index);
      return c ? createdVerdict(r, c) : replayVerdict(r, existing);
    });
    // Rows, masked facts and events are made as each COPY is written, not held for the whole chunk.
    const members = fresh.map((r, i) => ({
      caseId: cases[i].id,
      members: r.request.household.members,
      ids: { indexes: r.memberIndexes, ciphers: r.memberCiphers },
    }));
    const suspected = cases.flatMap((c, i) => (c.status === 'SUSPECTED' ? [i] : []));
    await Promise.all([
      insertCases(manager, cases),
      insertMembersOf(manager, members),
      insertOutbox(manager, suspected, (i) => submittedEvent(cases[i], fresh[i].screening)),
      after?.(verdicts),
    ]);
    return verdicts;
  }

  private toCase(
    r: PreparedRecord,
    seq: string,
    openCases: Map<string, string>,
    campaignId: string | null,
  ): NewCaseRow {
    const duplicateOf = r.memberIndexes.map((index) => openCases.get(index)).find((id) => id !== undefined) ?? null;
    const status: CaseStatus = duplicateOf ? 'DUPLICATE_SUSPECTED' : STATUS_BY_DISPOSITION[r.screening.disposition];
    const id = timeOrderedId();
    if ((OPEN_CASE_STATUSES as string[]).includes(status)) r.memberIndexes.forEach((index) => openCases.set(index, id));
    const members = r.request.household.members;
    return {
      id,
      caseNo: caseNumber(r.request.discoveredOn, seq),
      idempotencyKey: r.idempotencyKey,
      areaCode: r.request.villageCode,
      channel: r.request.channel,
      discoveredOn: r.request.discoveredOn,
      discoveredBy: r.request.discoveredBy,
      headName: householdHead(members).name,
      memberCount: members.length,
      status,
      responseDueDate: duplicateOf ? null : r.responseDueDate,
      identificationMonth: r.identificationMonth,
      category: r.screening.category ?? null,
      colour: r.screening.colour ?? null,
      policyVersion: r.screening.policyVersion,
      screening: r.screening,
      request: r.request,
      duplicateOf,
      campaignId,
    };
  }
}

/**
 * The cases already stored under these keys (replays), and a case number for each key that is not, in one
 * statement: one snapshot, so the numbers drawn match the households to store, and a replayed batch uses up no
 * numbers (officials read gaps in the numbering as missing cases). A key stored by a concurrent import after
 * this snapshot makes the chunk's insert fail on the key's unique index, and the chunk is tried again (see
 * `BatchIntakeService`), then finding it stored.
 */
async function storedKeysAndCaseNumbers(manager: EntityManager, keys: string[]) {
  const [row]: { existing: Existing[]; seqs: string | null }[] = await manager.query(
    `WITH existing AS (
       SELECT id, case_no, idempotency_key, request_hash, status, colour FROM household_case
       WHERE idempotency_key = ANY($1::text[])
     )
     SELECT (SELECT coalesce(json_agg(existing), '[]'::json) FROM existing) AS existing,
            (SELECT string_agg(nextval('case_no_seq')::text, ',')
             FROM generate_series(1, cardinality($1::text[]) - (SELECT count(*)::int FROM existing))) AS seqs`,
    [keys],
  );
  return {
    existing: new Map(row.existing.map((stored) => [stored.idempotency_key, stored])),
    seqs: row.seqs ? row.seqs.split(',') : [],
  };
}

function createdVerdict(r: PreparedRecord, e: NewCaseRow): RecordVerdict {
  const status =
    e.status === 'DUPLICATE_SUSPECTED'
      ? 'DUPLICATE_SUSPECTED'
      : e.status === 'SCREENED_OUT'
        ? 'SCREENED_OUT'
        : 'CREATED';
  // Built key by key (no spreads): a chunk makes a thousand of these.
  const verdict: RecordVerdict = {
    index: r.index,
    idempotencyKey: r.idempotencyKey,
    status,
    caseId: e.id,
    caseNo: e.caseNo,
    caseStatus: e.status,
    colour: e.colour,
  };
  if (e.duplicateOf) verdict.duplicateOf = e.duplicateOf;
  return verdict;
}

function replayVerdict(r: PreparedRecord, existing: Map<string, Existing>): RecordVerdict {
  const found = existing.get(r.idempotencyKey);
  if (!found || found.request_hash !== requestHash(r.request)) {
    const message = 'idempotencyKey：幂等键已被不同内容的请求使用';
    return {
      index: r.index,
      idempotencyKey: r.idempotencyKey,
      status: 'REJECTED',
      errors: [{ field: 'idempotencyKey', code: 'CASE.IDEMPOTENCY_CONFLICT', message }],
    };
  }
  return {
    index: r.index,
    idempotencyKey: r.idempotencyKey,
    status: 'REPLAYED',
    caseId: found.id,
    caseNo: found.case_no,
    caseStatus: found.status,
    colour: found.colour,
  };
}
