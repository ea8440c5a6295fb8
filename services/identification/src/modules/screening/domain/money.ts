/**
 * Integer money. Amounts are fen (分); rates are basis points (万分比, 10000 = 100%). No floating point
 * ever touches an amount: products go through BigInt, divisions are exact integer divisions.
 */

const BASIS = 10_000n;

function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}应为非负整数（分）：${value}`);
}

/** Sum of non-negative integer fen amounts; throws when the total leaves the safe-integer range. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount, '金额');
    total += amount;
  }
  assertFen(total, '合计金额');
  return total;
}

/** Integer division rounded down (向下取整): floor(amount / divisor). */
export function divideFloor(amountFen: number, divisor: number): number {
  assertFen(amountFen, '被除金额');
  if (!Number.isSafeInteger(divisor) || divisor <= 0) throw new RangeError(`除数应为正整数：${divisor}`);
  return (amountFen - (amountFen % divisor)) / divisor;
}

/** amount × rate, rounded up to the fen (向上取整). Plain integers while the product is exact, else BigInt. */
export function applyBasisPointsCeil(amountFen: number, basisPoints: number): number {
  assertFen(amountFen, '金额');
  assertFen(basisPoints, '比例（万分比）');
  const product = amountFen * basisPoints;
  if (Number.isSafeInteger(product)) return (product - (product % 10_000)) / 10_000 + (product % 10_000 > 0 ? 1 : 0);
  return Number((BigInt(amountFen) * BigInt(basisPoints) + BASIS - 1n) / BASIS);
}

/** Exact test of amount > base × rate, without rounding. */
export function exceedsShare(amountFen: number, baseFen: number, basisPoints: number): boolean {
  assertFen(amountFen, '金额');
  assertFen(baseFen, '基数');
  assertFen(basisPoints, '比例（万分比）');
  const left = amountFen * 10_000;
  const right = baseFen * basisPoints;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left > right;
  return BigInt(amountFen) * BASIS > BigInt(baseFen) * BigInt(basisPoints);
}

/** `4500.00元`: fen written as yuan with two decimals, for reasons an official reads. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}元`;
}

/** `150%`-style rendering of basis points (two decimals at most, trailing zeros dropped). */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
