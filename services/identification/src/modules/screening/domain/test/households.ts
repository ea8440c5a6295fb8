import type { HouseholdMember, ScreeningHousehold } from '../household';
import { GUARANTEE_KEYS } from '../vocabulary';
import { monthRange } from '../year-month';

/** Valid GB 11643 numbers (check characters computed independently of the code under test). */
export const IDS = {
  head: '430281198003150019',
  spouse: '430281198207040022',
  child1: '430281201009010038',
  child2: '430281201502120046',
  grandparent: '430281195001010051',
} as const;

const member = (idCardNumber: string, relation: HouseholdMember['relation'], birthDate: string): HouseholdMember => ({
  idCardNumber,
  name: '测试',
  relation,
  birthDate,
  labourCapacity: 'FULL',
  health: 'HEALTHY',
  disabilityGrade: 'NONE',
  schoolingLevel: 'NONE',
});

export const FOUR_MEMBERS: HouseholdMember[] = [
  member(IDS.head, 'HEAD', '1980-03-15'),
  member(IDS.spouse, 'SPOUSE', '1982-07-04'),
  member(IDS.child1, 'CHILD', '2010-09-01'),
  member(IDS.child2, 'CHILD', '2015-02-12'),
];

const allMet = Object.fromEntries(GUARANTEE_KEYS.map((key) => [key, true])) as ScreeningHousehold['guarantees'];

/** yuan → fen, for readable fixtures. */
export const yuan = (amount: number) => Math.round(amount * 100);

/** 12 monthly wages of `perMonthYuan` from `firstMonth` on (default: the window of 2026-06, 2025-06 … 2026-05). */
export function monthlyWages(perMonthYuan: number, firstMonth = '2025-06'): ScreeningHousehold['incomes'] {
  return monthRange(firstMonth, 12).map((month) => ({ type: 'WAGE' as const, month, amountFen: yuan(perMonthYuan) }));
}

/** A non-registered household of four, identified in 2026-06, with no gaps, no risk and a comfortable income. */
export function household(overrides: Partial<ScreeningHousehold> = {}): ScreeningHousehold {
  return {
    members: FOUR_MEMBERS,
    registeredPoor: false,
    relocated: false,
    childrenAbleToSupport: false,
    incomes: monthlyWages(5_000),
    expenses: [],
    riskPoints: [],
    guarantees: { ...allMet },
    identificationMonth: '2026-06',
    ...overrides,
  };
}
