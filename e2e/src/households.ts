import { randomInt } from 'crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A random, valid GB 11643 number born on `birthDate` in 醴陵市 (430281), so runs never collide. */
export function idCard(birthDate: string): string {
  const first17 = `430281${birthDate.replace(/-/g, '')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const member = (name: string, relation: string, birthDate: string) => ({
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
      member('赵铁柱', 'HEAD', '1975-04-12'),
      member('钱秀英', 'SPOUSE', '1978-09-30'),
      member('赵小明', 'CHILD', '2012-01-20'),
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
