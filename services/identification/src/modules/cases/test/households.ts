const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 11643 number born on `birthDate` in 醴陵市 (430281); `serial` keeps numbers apart. */
export function idCard(birthDate: string, serial: number): string {
  const first17 = `430281${birthDate.replace(/-/g, '')}${String((serial % 999) + 1).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Sequence numbers 001–999 of a birth date, then the next day: up to 999 × days distinct households. */
function bornAround(date: string, serial: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + Math.floor(serial / 999));
  return day.toISOString().slice(0, 10);
}

const member = (name: string, relation: string, birthDate: string, serial: number) => ({
  idCardNumber: idCard(bornAround(birthDate, serial), serial),
  name,
  relation,
  birthDate: bornAround(birthDate, serial),
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
 * A household of three; the same `serial` gives the same members (ID numbers). `annualWageYuan` counted in the window decides the screening:
 * 12,000 yuan (4,000 per capita) is below the 6,500 line; 60,000 is far above it.
 */
export function householdFacts(discoveredOn: string, annualWageYuan: number, serial: number) {
  const month = `${Number(discoveredOn.slice(0, 4)) - 1}${discoveredOn.slice(4, 7)}`;
  return {
    members: [
      member('赵铁柱', 'HEAD', '1975-04-12', serial),
      member('钱秀英', 'SPOUSE', '1978-09-30', serial),
      member('赵小明', 'CHILD', '2012-01-20', serial),
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
