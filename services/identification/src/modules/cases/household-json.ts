import { GUARANTEE_KEYS } from '../screening/domain';
import type { HouseholdRequest } from './household.dto';
import { maskHousehold } from './household-members';
import { maskName } from './mask';
import { maskIdCard } from './pii';
import type { SubmitCaseRequest } from './submit-case/submit-case.dto';
import { submissionKeysMatchSchemas } from './submission-keys';

/**
 * The JSON text of a validated submission and of its household with names and ID numbers masked (the case's
 * facts), character for character what `JSON.stringify` makes of the request and of `maskHousehold(household)`,
 * written field by field and sharing everything after the members. A campaign makes both for every household:
 * `JSON.stringify` walked each object generically and built its text in pieces, three times the time and twice the
 * garbage.
 *
 * Only for what the schemas accepted: area codes, dates, months, ID numbers and vocabulary values are then free of
 * anything JSON escapes, and the free text (who found the household, names) goes through `JSON.stringify`. When the
 * schemas' fields differ from `submission-keys.ts`, this is off (`JSON.stringify` again); `household-json.spec.ts`
 * checks that a submission with every field listed there is written whole, and compares the two on hundreds of
 * households.
 */

/** The fields written below are those of `submission-keys.ts`, checked against the schemas. */
const ENABLED = submissionKeysMatchSchemas();

type Member = HouseholdRequest['members'][number];
type Money = HouseholdRequest['incomes'][number] | HouseholdRequest['expenses'][number];

function membersJson(members: readonly Member[], masked: boolean): string {
  let text = '[';
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const id = masked ? maskIdCard(m.idCardNumber) : m.idCardNumber;
    const name = JSON.stringify(masked ? maskName(m.name) : m.name);
    text +=
      (i === 0 ? '{"idCardNumber":"' : ',{"idCardNumber":"') +
      id +
      '","name":' +
      name +
      ',"relation":"' +
      m.relation +
      '","birthDate":"' +
      m.birthDate +
      '","labourCapacity":"' +
      m.labourCapacity +
      '","health":"' +
      m.health +
      '","disabilityGrade":"' +
      m.disabilityGrade +
      '","schoolingLevel":"' +
      m.schoolingLevel +
      '"}';
  }
  return text + ']';
}

function moneyJson(entries: readonly Money[]): string {
  let text = '[';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    text +=
      (i === 0 ? '{"type":"' : ',{"type":"') + e.type + '","month":"' + e.month + '","amountFen":' + e.amountFen + '}';
  }
  return text + ']';
}

/** The household's JSON after its members: `,"registeredPoor":...}`. */
function afterMembers(h: HouseholdRequest): string {
  let text = ',"registeredPoor":' + h.registeredPoor + ',"relocated":' + h.relocated;
  if (h.hukouAreaCode !== undefined) text += ',"hukouAreaCode":"' + h.hukouAreaCode + '"';
  if (h.residenceAreaCode !== undefined) text += ',"residenceAreaCode":"' + h.residenceAreaCode + '"';
  text += ',"incomes":' + moneyJson(h.incomes) + ',"expenses":' + moneyJson(h.expenses);
  if (h.lastYearIncomeFen !== undefined) text += ',"lastYearIncomeFen":' + h.lastYearIncomeFen;
  text += ',"riskPoints":' + (h.riskPoints.length === 0 ? '[]' : '["' + h.riskPoints.join('","') + '"]');
  let guarantees = '';
  for (const key of GUARANTEE_KEYS) guarantees += (guarantees === '' ? '{"' : ',"') + key + '":' + h.guarantees[key];
  return text + ',"guarantees":' + guarantees + '},"childrenAbleToSupport":' + h.childrenAbleToSupport + '}';
}

function requestHead(request: SubmitCaseRequest): string {
  let text =
    '{"villageCode":"' +
    request.villageCode +
    '","channel":"' +
    request.channel +
    '","discoveredOn":"' +
    request.discoveredOn +
    '","discoveredBy":' +
    JSON.stringify(request.discoveredBy);
  if (request.identificationMonth !== undefined) text += ',"identificationMonth":"' + request.identificationMonth + '"';
  return text + ',"household":{"members":';
}

/** `JSON.stringify(request)` of a validated submission. */
export function requestJson(request: SubmitCaseRequest): string {
  if (!ENABLED) return JSON.stringify(request);
  const h = request.household;
  return requestHead(request) + membersJson(h.members, false) + afterMembers(h) + '}';
}

/** `JSON.stringify(request)` and `JSON.stringify(maskHousehold(request.household))` of a validated submission. */
export function requestAndFactsJson(request: SubmitCaseRequest): { request: string; facts: string } {
  if (!ENABLED) return { request: JSON.stringify(request), facts: JSON.stringify(maskHousehold(request.household)) };
  const h = request.household;
  const rest = afterMembers(h);
  return {
    request: requestHead(request) + membersJson(h.members, false) + rest + '}',
    facts: '{"members":' + membersJson(h.members, true) + rest,
  };
}
