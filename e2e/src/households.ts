import { randomInt } from 'crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A random, valid GB 11643 number born on `birthDate` in 醴陵市 (430281), so runs never collide. */
export function idCard(birthDate: string): string {
  const first17 = `430281${birthDate.replace(/-/g, '')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * A random birth date in `fromYear`..`fromYear + 9`. Together with the random sequence number this gives
 * ~3.6 million ID numbers per member slot, so households of one run (and of earlier runs on the same
 * database) do not share a member by chance and get linked as suspected duplicates.
 */
function randomBirthDate(fromYear: number): string {
  const day = new Date(Date.UTC(fromYear, 0, 1) + randomInt(0, 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const member = (name: string, relation: string, fromYear: number) => memberBorn(name, relation, randomBirthDate(fromYear));

const memberBorn = (name: string, relation: string, birthDate: string) => ({
  idCardNumber: idCard(birthDate),
  name,
  relation,
  birthDate,
  labourCapacity: 'FULL',
  health: 'HEALTHY',
  disabilityGrade: 'NONE',
  schoolingLevel: 'NONE',
});

const guarantees = {
  food: true,
  clothing: true,
  compulsoryEducation: true,
  basicMedical: true,
  safeHousing: true,
  safeDrinkingWater: true,
};

/**
 * A household of three in the demo village. `annualWageYuan` counted in the window decides the screening:
 * 12,000 yuan (4,000 per capita) is below the 6,500 line; 60,000 is far above it.
 */
export function householdFacts(discoveredOn: string, annualWageYuan = 12_000) {
  const month = `${Number(discoveredOn.slice(0, 4)) - 1}${discoveredOn.slice(4, 7)}`;
  return {
    members: [
      member('赵铁柱', 'HEAD', 1965),
      member('钱秀英', 'SPOUSE', 1968),
      member('赵小明', 'CHILD', 2008),
    ],
    registeredPoor: false,
    relocated: false,
    incomes: [{ type: 'WAGE', month, amountFen: annualWageYuan * 100 }],
    expenses: [],
    riskPoints: [],
    guarantees,
    childrenAbleToSupport: false,
  };
}
