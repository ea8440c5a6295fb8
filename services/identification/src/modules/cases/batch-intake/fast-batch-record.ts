import { z } from 'zod';
import { DISCOVERY_CHANNELS } from '@prp/contracts';
import {
  DISABILITY_GRADES,
  EXPENSE_TYPES,
  GUARANTEE_KEYS,
  HEALTH_STATUSES,
  INCOME_TYPES,
  LABOUR_CAPACITIES,
  RELATIONS,
  RISK_POINTS,
  SCHOOLING_LEVELS,
  YEAR_MONTH_PATTERN,
  validateIdCard,
} from '../../screening/domain';
import {
  HOUSEHOLD_KEYS,
  MEMBER_KEYS,
  MONEY_KEYS,
  REQUEST_KEYS,
  sameKeys,
  submissionKeysMatchSchemas,
} from '../submission-keys';
import { BatchRecordSchema, type BatchRecord } from './batch-record';

/**
 * The usual case of `BatchRecordSchema` without zod's machinery: a campaign sends thousands of well-formed
 * households, and zod's generic walk (with a copy of every object) took about a tenth of the main thread's time
 * per household. `fastBatchRecord` accepts only a record that is certainly valid and returns exactly what
 * `BatchRecordSchema` would (strings trimmed, keys in the schema's order, so the request hash is the same); for
 * anything else it returns undefined and zod decides, wording the errors. It may only ever be stricter than zod:
 * `fast-batch-record.spec.ts` compares the two on valid records and thousands of broken ones.
 */

const RECORD_KEYS: readonly string[] = [...REQUEST_KEYS, 'idempotencyKey'];

/** The field lists against the zod schemas they shadow: a field added there and not here turns this off. */
export function shadowsSchemas(): boolean {
  return submissionKeysMatchSchemas() && sameKeys(RECORD_KEYS, BatchRecordSchema.shape);
}
const ENABLED = shadowsSchemas();

const AREA_CODE = /^\d{12}$/;
const DATE = z.regexes.date;
const CHANNELS = new Set<string>(DISCOVERY_CHANNELS);
const RELATION_SET = new Set<string>(RELATIONS);
const LABOUR_SET = new Set<string>(LABOUR_CAPACITIES);
const HEALTH_SET = new Set<string>(HEALTH_STATUSES);
const DISABILITY_SET = new Set<string>(DISABILITY_GRADES);
const SCHOOLING_SET = new Set<string>(SCHOOLING_LEVELS);
const INCOME_SET = new Set<string>(INCOME_TYPES);
const EXPENSE_SET = new Set<string>(EXPENSE_TYPES);
const RISK_SET = new Set<string>(RISK_POINTS);

type Obj = Record<string, unknown>;

/** What `shape` finds: not a plain object of these keys, or one whose keys come in `allowed`'s order, or not. */
const INVALID = 0;
const UNORDERED = 1;
const ORDERED = 2;

/**
 * Whether `value` is a plain object (as JSON.parse makes, from any realm) whose own keys are all in `allowed`, at
 * least `required` of them (each required field's own check then finds it), and whether they come in `allowed`'s
 * order. One pass, no key array made.
 */
function shape(value: unknown, allowed: readonly string[], required: number): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID;
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return INVALID;
  let n = 0;
  let last = -1;
  let ordered = true;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return INVALID;
    const position = allowed.indexOf(key);
    if (position === -1) return INVALID;
    if (position < last) ordered = false;
    last = position;
    n++;
  }
  return n < required ? INVALID : ordered ? ORDERED : UNORDERED;
}

function plain(value: unknown, allowed: readonly string[], required: number): value is Obj {
  return shape(value, allowed, required) !== INVALID;
}

function trimmed(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length >= min && text.length <= max ? text : undefined;
}

const isFen = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isDate = (value: unknown): value is string => typeof value === 'string' && DATE.test(value);
const isArea = (value: unknown): value is string => typeof value === 'string' && AREA_CODE.test(value);
const isMonth = (value: unknown): value is string => typeof value === 'string' && YEAR_MONTH_PATTERN.test(value);
const inSet = (set: Set<string>, value: unknown): value is string => typeof value === 'string' && set.has(value);

/**
 * A valid member: the object given itself when its keys are in the schema's order and nothing needed trimming
 * (what a township system usually sends; no copy to make, hold and collect), otherwise a copy as zod makes it.
 */
interface Member {
  idCardNumber: string;
  name: string;
  relation: string;
  birthDate: string;
  labourCapacity: string;
  health: string;
  disabilityGrade: string;
  schoolingLevel: string;
}

function member(value: unknown): Member | undefined {
  const keys = shape(value, MEMBER_KEYS, 8);
  if (keys === INVALID) return undefined;
  const raw = value as Obj;
  const idCardNumber = typeof raw['idCardNumber'] === 'string' ? raw['idCardNumber'].trim() : undefined;
  const name = trimmed(raw['name'], 1, 50);
  const { relation, birthDate, labourCapacity, health, disabilityGrade, schoolingLevel } = raw;
  if (idCardNumber === undefined || name === undefined || !isDate(birthDate)) return undefined;
  if (!inSet(RELATION_SET, relation) || !inSet(LABOUR_SET, labourCapacity) || !inSet(HEALTH_SET, health))
    return undefined;
  if (!inSet(DISABILITY_SET, disabilityGrade) || !inSet(SCHOOLING_SET, schoolingLevel)) return undefined;
  const id = validateIdCard(idCardNumber);
  if (!id.valid || id.birthDate !== birthDate) return undefined;
  if (keys === ORDERED && idCardNumber === raw['idCardNumber'] && name === raw['name']) return raw as unknown as Member;
  return { idCardNumber, name, relation, birthDate, labourCapacity, health, disabilityGrade, schoolingLevel };
}

/** Valid entries: the array given itself when every entry's keys are in the schema's order, otherwise copies. */
function moneyEntries(value: unknown, types: Set<string>) {
  if (!Array.isArray(value) || value.length > 500) return undefined;
  let ordered = true;
  for (const entry of value) {
    const keys = shape(entry, MONEY_KEYS, 3);
    if (keys === INVALID) return undefined;
    if (keys !== ORDERED) ordered = false;
    const { type, month, amountFen } = entry as Obj;
    if (!inSet(types, type) || !isMonth(month) || !isFen(amountFen)) return undefined;
  }
  if (ordered) return value as Obj[];
  return value.map((entry: Obj) => ({ type: entry['type'], month: entry['month'], amountFen: entry['amountFen'] }));
}

/** A valid household: the object given itself when nothing in it needed a copy (see `member`), otherwise a copy. */
function household(value: unknown) {
  const keys = shape(value, HOUSEHOLD_KEYS, 8);
  if (keys === INVALID) return undefined;
  const given = value as Obj;
  const { registeredPoor, relocated, hukouAreaCode, residenceAreaCode, lastYearIncomeFen, childrenAbleToSupport } =
    given;
  const raw = given['members'];
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 30) return undefined;
  if (
    typeof registeredPoor !== 'boolean' ||
    typeof relocated !== 'boolean' ||
    typeof childrenAbleToSupport !== 'boolean'
  )
    return undefined;
  if (
    ('hukouAreaCode' in given && !isArea(hukouAreaCode)) ||
    ('residenceAreaCode' in given && !isArea(residenceAreaCode))
  )
    return undefined;
  if ('lastYearIncomeFen' in given && !isFen(lastYearIncomeFen)) return undefined;
  const members: Member[] = [];
  let reused = keys === ORDERED;
  const ids = new Set<string>();
  let heads = 0;
  for (const m of raw) {
    const parsed = member(m);
    if (!parsed) return undefined;
    const id = parsed.idCardNumber.toUpperCase();
    if (ids.has(id)) return undefined;
    ids.add(id);
    if (parsed.relation === 'HEAD') heads++;
    if (parsed !== m) reused = false;
    members.push(parsed);
  }
  if (heads !== 1) return undefined;
  const incomes = moneyEntries(given['incomes'], INCOME_SET);
  const expenses = moneyEntries(given['expenses'], EXPENSE_SET);
  const riskPoints = given['riskPoints'];
  if (!incomes || !expenses || !Array.isArray(riskPoints) || riskPoints.length > 20) return undefined;
  if (!riskPoints.every((point) => inSet(RISK_SET, point))) return undefined;
  const givenGuarantees = given['guarantees'];
  const guaranteeKeys = shape(givenGuarantees, GUARANTEE_KEYS, GUARANTEE_KEYS.length);
  if (guaranteeKeys === INVALID) return undefined;
  for (const key of GUARANTEE_KEYS) if (typeof (givenGuarantees as Obj)[key] !== 'boolean') return undefined;
  if (reused && incomes === given['incomes'] && expenses === given['expenses'] && guaranteeKeys === ORDERED)
    return given;
  const guarantees: Obj = {};
  for (const key of GUARANTEE_KEYS) guarantees[key] = (givenGuarantees as Obj)[key];
  // Built key by key in the schema's order (object spreads in a literal took a third of this function's time).
  const parsed: Obj = { members, registeredPoor, relocated };
  if ('hukouAreaCode' in given) parsed['hukouAreaCode'] = hukouAreaCode;
  if ('residenceAreaCode' in given) parsed['residenceAreaCode'] = residenceAreaCode;
  parsed['incomes'] = incomes;
  parsed['expenses'] = expenses;
  if ('lastYearIncomeFen' in given) parsed['lastYearIncomeFen'] = lastYearIncomeFen;
  parsed['riskPoints'] = [...riskPoints];
  parsed['guarantees'] = guarantees;
  parsed['childrenAbleToSupport'] = childrenAbleToSupport;
  return parsed;
}

/** What `BatchRecordSchema.parse(raw)` returns, when `raw` is certainly valid; otherwise undefined (ask zod). */
export function fastBatchRecord(raw: unknown): BatchRecord | undefined {
  if (!ENABLED || !plain(raw, RECORD_KEYS, 6)) return undefined;
  const { villageCode, channel, discoveredOn, identificationMonth } = raw;
  const discoveredBy = trimmed(raw['discoveredBy'], 1, 50);
  const idempotencyKey = trimmed(raw['idempotencyKey'], 8, 128);
  if (!isArea(villageCode) || !inSet(CHANNELS, channel) || !isDate(discoveredOn)) return undefined;
  if (discoveredBy === undefined || idempotencyKey === undefined) return undefined;
  if ('identificationMonth' in raw && !isMonth(identificationMonth)) return undefined;
  const parsedHousehold = household(raw['household']);
  if (!parsedHousehold) return undefined;
  const record: Obj = { villageCode, channel, discoveredOn, discoveredBy };
  if ('identificationMonth' in raw) record['identificationMonth'] = identificationMonth;
  record['household'] = parsedHousehold;
  record['idempotencyKey'] = idempotencyKey;
  return record as BatchRecord;
}
