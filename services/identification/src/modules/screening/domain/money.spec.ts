import { applyBasisPointsCeil, divideFloor, exceedsShare, formatBasisPoints, formatYuan, sumFen } from './money';

describe('integer money', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(formatYuan(625_000)).toBe('6250.00元');
    expect(formatYuan(666_666)).toBe('6666.66元');
    expect(formatYuan(5)).toBe('0.05元');
    expect(formatYuan(0)).toBe('0.00元');
  });

  it('writes basis points as a percentage', () => {
    expect([formatBasisPoints(15_000), formatBasisPoints(15_050), formatBasisPoints(12_505)]).toEqual([
      '150%',
      '150.5%',
      '125.05%',
    ]);
  });

  it('rounds a rate up to the fen, also beyond the safe-integer range of the product', () => {
    expect(applyBasisPointsCeil(433_333, 15_000)).toBe(650_000); // 649,999.5 → 650,000
    expect(applyBasisPointsCeil(433_332, 15_000)).toBe(649_998);
    expect(applyBasisPointsCeil(900_719_925_474_099, 15_000)).toBe(1_351_079_888_211_149); // 1,351,079,888,211,148.5 → …149
  });

  it('compares amount > base × rate exactly, also for huge amounts', () => {
    expect(exceedsShare(4_000_001, 4_000_000, 10_000)).toBe(true);
    expect(exceedsShare(4_000_000, 4_000_000, 10_000)).toBe(false);
    expect(exceedsShare(9_007_199_254_740_991, 9_007_199_254_740_990, 10_000)).toBe(true);
  });

  it('sums and divides integers only, refusing fractions and negative amounts', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(divideFloor(2_000_000, 3)).toBe(666_666);
    expect(() => sumFen([100, 0.5])).toThrow(RangeError);
    expect(() => sumFen([-1])).toThrow(RangeError);
  });
});
