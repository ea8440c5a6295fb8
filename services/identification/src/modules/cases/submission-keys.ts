import type { z } from 'zod';
import { GUARANTEE_KEYS } from '../screening/domain';
import { HouseholdSchema } from './household.dto';
import { SubmitCaseSchema } from './submit-case/submit-case.dto';

/**
 * The fields of a submission's zod schemas, in the schemas' order, for the code that reads or writes them one by one
 * instead of through zod (`fast-batch-record.ts`, `household-json.ts`). `submissionKeysMatchSchemas` checks them
 * against the schemas: each of those turns itself off when a field is added there and not here.
 */
export const REQUEST_KEYS = [
  'villageCode',
  'channel',
  'discoveredOn',
  'discoveredBy',
  'identificationMonth',
  'household',
] as const;
export const HOUSEHOLD_KEYS = [
  'members',
  'registeredPoor',
  'relocated',
  'hukouAreaCode',
  'residenceAreaCode',
  'incomes',
  'expenses',
  'lastYearIncomeFen',
  'riskPoints',
  'guarantees',
  'childrenAbleToSupport',
] as const;
export const MEMBER_KEYS = [
  'idCardNumber',
  'name',
  'relation',
  'birthDate',
  'labourCapacity',
  'health',
  'disabilityGrade',
  'schoolingLevel',
] as const;
/** An income or an expense entry. */
export const MONEY_KEYS = ['type', 'month', 'amountFen'] as const;

/** Whether `keys` are the fields of `shape`, in the same order. */
export function sameKeys(keys: readonly string[], shape: object): boolean {
  return keys.join() === Object.keys(shape).join();
}

/** The lists above against `SubmitCaseSchema` and its household, member, money and guarantee schemas. */
export function submissionKeysMatchSchemas(): boolean {
  const household = HouseholdSchema.shape;
  return (
    sameKeys(REQUEST_KEYS, SubmitCaseSchema.shape) &&
    sameKeys(HOUSEHOLD_KEYS, household) &&
    sameKeys(MEMBER_KEYS, (household.members as z.ZodArray<z.ZodObject>).element.shape) &&
    sameKeys(MONEY_KEYS, (household.incomes as z.ZodArray<z.ZodObject>).element.shape) &&
    sameKeys(MONEY_KEYS, (household.expenses as z.ZodArray<z.ZodObject>).element.shape) &&
    sameKeys(GUARANTEE_KEYS, (household.guarantees as z.ZodObject).shape)
  );
}
