import type { EntityManager } from 'typeorm';
import type { OutgoingMessage } from '@prp/messaging';
import type { HouseholdCaseEntity } from '../../../database/household-case.entity';
import { copyRows } from './copy-rows';

const CASE_COLUMNS = [
  'id',
  'case_no',
  'idempotency_key',
  'request_hash',
  'area_code',
  'channel',
  'discovered_on',
  'discovered_by',
  'head_name',
  'member_count',
  'status',
  'response_due_date',
  'identification_month',
  'category',
  'colour',
  'policy_version',
  'screening',
  'facts',
  'duplicate_of',
  'campaign_id',
];

/** A chunk's cases through COPY (see `copyRows`): about twice as fast as one INSERT of the chunk as JSON. */
export async function insertCases(manager: EntityManager, cases: HouseholdCaseEntity[]): Promise<void> {
  const rows = cases.map((c) => [
    c.id,
    c.caseNo,
    c.idempotencyKey,
    c.requestHash,
    c.areaCode,
    c.channel,
    c.discoveredOn,
    c.discoveredBy,
    c.headName,
    c.memberCount,
    c.status,
    c.responseDueDate,
    c.identificationMonth,
    c.category,
    c.colour,
    c.policyVersion,
    JSON.stringify(c.screening),
    JSON.stringify(c.facts),
    c.duplicateOf,
    c.campaignId,
  ]);
  await copyRows(manager, 'household_case', CASE_COLUMNS, rows);
}

export interface MemberRow {
  case_id: string;
  position: number;
  id_card_index: string;
  id_card_masked: string;
  id_card_cipher: string;
  name: string;
  relation: string;
  birth_date: string;
}

const MEMBER_COLUMNS = [
  'case_id',
  'position',
  'id_card_index',
  'id_card_masked',
  'id_card_cipher',
  'name',
  'relation',
  'birth_date',
];

export async function insertMembers(manager: EntityManager, rows: MemberRow[]): Promise<void> {
  await copyRows(
    manager,
    'household_member',
    MEMBER_COLUMNS,
    rows.map((m) => [
      m.case_id,
      m.position,
      m.id_card_index,
      m.id_card_masked,
      m.id_card_cipher,
      m.name,
      m.relation,
      m.birth_date,
    ]),
  );
}

/**
 * The outbox rows of a chunk, in the chunk's transaction (as `addToOutbox`, many at once), through COPY. Every
 * event here is new (a fresh event id for a case made in this transaction), so no conflict is possible.
 */
export async function insertOutbox(manager: EntityManager, messages: OutgoingMessage[]): Promise<void> {
  const rows = messages.map((m) => [m.headers?.['event-id'], m.topic, m.key, m.headers?.['event-type'], m.value]);
  await copyRows(manager, 'outbox_message', ['event_id', 'topic', 'message_key', 'event_type', 'envelope'], rows);
}
