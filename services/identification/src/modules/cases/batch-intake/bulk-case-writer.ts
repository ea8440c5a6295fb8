import type { EntityManager } from 'typeorm';
import { toOutgoingMessage } from '@prp/messaging';
import { timeOrderedId } from '@prp/persistence';
import { OPEN_CASE_STATUSES, type CaseStatus, type HouseholdCaseEntity } from '../../../database/household-case.entity';
import { householdHead, lockOpenCasesOf, maskHousehold, memberRows } from '../household-members';
import { STATUS_BY_DISPOSITION, submittedEvent } from '../submit-case/case-writer';
import type { PreparedRecord, RecordVerdict } from './batch-record';
import { insertCases, insertMembers, insertOutbox } from './bulk-sql';

interface Existing {
  id: string;
  case_no: string;
  idempotency_key: string;
  request_hash: string;
  status: string;
  colour: string | null;
}

/**
 * Stores a chunk of prepared households in the caller's transaction with one multi-row INSERT per table.
 * Replays are answered from the stored case; a member already in an open case (in the database or earlier
 * in the batch) makes the household a suspected duplicate with no event.
 */
export class BulkCaseWriter {
  /**
   * Two round trips of queued statements (pg sends each when the one before it is done, without waiting for
   * this thread): locks and lookups, then the rows and whatever `after` writes with them (a campaign's progress).
   * The main thread is often busy screening the next chunk; every statement awaited on its own would wait for it.
   */
  async write(
    manager: EntityManager,
    records: PreparedRecord[],
    campaignId: string | null,
    after?: (verdicts: RecordVerdict[]) => Promise<void>,
  ): Promise<RecordVerdict[]> {
    const indexes = [...new Set(records.flatMap((r) => r.memberIndexes))].sort();
    const keys = records.map((r) => r.idempotencyKey);
    const [open, existing, seqs] = await Promise.all([
      lockOpenCasesOf(manager, indexes), // first: what follows sees every case committed by a writer it waited for
      this.existingKeys(manager, keys),
      caseNumbers(manager, keys),
    ]);
    const openCases = new Map(open.map((row) => [row.id_card_index, row.case_id]));
    const fresh = records.filter((r) => !existing.has(r.idempotencyKey));
    // A key stored by a concurrent import between the two statements above leaves a number unused; a household
    // replayed by that same race (the other way round) needs one more.
    if (seqs.length < fresh.length) seqs.push(...(await caseNumbers(manager, [], fresh.length - seqs.length)));
    const entities = fresh.map((r, i) => this.toEntity(r, seqs[i], openCases, campaignId));
    const members = fresh.flatMap((r, i) =>
      memberRows(entities[i].id, r.request.household.members, { indexes: r.memberIndexes, ciphers: r.memberCiphers }),
    );
    const submitted = entities.flatMap((e, i) =>
      e.status === 'SUSPECTED' ? [submittedEvent(e, fresh[i].screening)] : [],
    );
    const created = new Map(entities.map((e, i) => [fresh[i].index, e]));
    const verdicts = records.map((r) => {
      const entity = created.get(r.index);
      return entity ? createdVerdict(r, entity) : replayVerdict(r, existing);
    });
    await Promise.all([
      insertCases(manager, entities),
      insertMembers(manager, members),
      insertOutbox(
        manager,
        submitted.map((event) => toOutgoingMessage(event)),
      ),
      after?.(verdicts),
    ]);
    return verdicts;
  }

  private async existingKeys(manager: EntityManager, keys: string[]): Promise<Map<string, Existing>> {
    const rows: Existing[] = await manager.query(
      `SELECT id, case_no, idempotency_key, request_hash, status, colour FROM household_case WHERE idempotency_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((row) => [row.idempotency_key, row]));
  }

  private toEntity(r: PreparedRecord, seq: string, openCases: Map<string, string>, campaignId: string | null) {
    const duplicateOf = r.memberIndexes.map((index) => openCases.get(index)).find((id) => id !== undefined) ?? null;
    const status: CaseStatus = duplicateOf ? 'DUPLICATE_SUSPECTED' : STATUS_BY_DISPOSITION[r.screening.disposition];
    const id = timeOrderedId();
    if ((OPEN_CASE_STATUSES as string[]).includes(status)) r.memberIndexes.forEach((index) => openCases.set(index, id));
    const members = r.request.household.members;
    return {
      id,
      caseNo: `JC${r.request.discoveredOn.slice(0, 4)}${seq.padStart(8, '0')}`,
      idempotencyKey: r.idempotencyKey,
      requestHash: r.requestHash,
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
      facts: maskHousehold(r.request.household),
      duplicateOf,
      campaignId,
    } as HouseholdCaseEntity;
  }
}

/**
 * Case numbers for the households among `keys` not stored yet (plus `extra`), counted in the same statement, so
 * a replayed batch uses up no numbers: officials read gaps in the numbering as missing cases. One row back
 * (the numbers joined by commas), not one row a number.
 */
async function caseNumbers(manager: EntityManager, keys: string[], extra = 0): Promise<string[]> {
  const [row]: { seqs: string | null }[] = await manager.query(
    `SELECT string_agg(nextval('case_no_seq')::text, ',') AS seqs
     FROM generate_series(1, $2::int + cardinality($1::text[]) - (SELECT count(*)::int FROM household_case WHERE idempotency_key = ANY($1::text[])))`,
    [keys, extra],
  );
  return row.seqs ? row.seqs.split(',') : [];
}

function createdVerdict(r: PreparedRecord, e: HouseholdCaseEntity): RecordVerdict {
  const status =
    e.status === 'DUPLICATE_SUSPECTED'
      ? 'DUPLICATE_SUSPECTED'
      : e.status === 'SCREENED_OUT'
        ? 'SCREENED_OUT'
        : 'CREATED';
  const base = { index: r.index, idempotencyKey: r.idempotencyKey, status, caseId: e.id, caseNo: e.caseNo } as const;
  return { ...base, caseStatus: e.status, colour: e.colour, ...(e.duplicateOf ? { duplicateOf: e.duplicateOf } : {}) };
}

function replayVerdict(r: PreparedRecord, existing: Map<string, Existing>): RecordVerdict {
  const found = existing.get(r.idempotencyKey);
  if (!found || found.request_hash !== r.requestHash) {
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
