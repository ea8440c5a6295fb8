// Synthetic households for `bench:screening`: valid GB 11643 numbers, distinct per index, one in three below the line.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export const BENCH_COUNTY = '430281000000';
export const BENCH_VILLAGES = Array.from({ length: 10 }, (_, i) => `4302811012${String(i + 1).padStart(2, '0')}`);
export const BENCH_AREAS: (string | null)[][] = [
  ['430000000000', '湖南省', 'PROVINCE', null],
  ['430200000000', '株洲市', 'CITY', '430000000000'],
  [BENCH_COUNTY, '醴陵市', 'COUNTY', '430200000000'],
  ['430281101000', '东富镇', 'TOWNSHIP', BENCH_COUNTY],
  ...BENCH_VILLAGES.map((code, i) => [code, `测试村${i + 1}`, 'VILLAGE', '430281101000']),
];

function idCard(birthDate: string, serial: number): string {
  const first17 = `430281${birthDate.replace(/-/g, '')}${String((serial % 999) + 1).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

function shift(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function member(name: string, relation: string, base: string, n: number) {
  const birthDate = shift(base, Math.floor(n / 999));
  const rest = { labourCapacity: 'FULL', health: 'HEALTHY', disabilityGrade: 'NONE', schoolingLevel: 'NONE' };
  return { idCardNumber: idCard(birthDate, n), name, relation, birthDate, ...rest };
}

const guarantees = { food: true, clothing: true, compulsoryEducation: true, basicMedical: true, safeHousing: true, safeDrinkingWater: true };

export function benchHousehold(n: number, villages: string[]) {
  const wageFen = n % 3 === 0 ? 1_200_000 : 6_000_000;
  return {
    idempotencyKey: `bench-${String(n).padStart(7, '0')}`,
    villageCode: villages[n % villages.length],
    channel: 'CADRE_VISIT',
    discoveredOn: '2026-11-02',
    discoveredBy: 'bench',
    household: {
      members: [member('赵铁柱', 'HEAD', '1950-01-01', n), member('钱秀英', 'SPOUSE', '1952-01-01', n), member('赵小明', 'CHILD', '2008-01-01', n)],
      registeredPoor: false,
      relocated: false,
      incomes: [{ type: 'WAGE', month: '2025-11', amountFen: wageFen }],
      expenses: [],
      riskPoints: [],
      guarantees,
      childrenAbleToSupport: false,
    },
  };
}
