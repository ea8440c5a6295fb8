import { countyFigures } from './county-figures';

const liling = (monitoredHouseholds: number, registeredPoorPopulation: number | null) =>
  countyFigures({
    countyCode: '430281000000',
    countyName: '醴陵市',
    monitoredHouseholds,
    registeredPoorPopulation,
    thresholdBasisPoints: 500,
  });

describe('county scale check', () => {
  it('flags 2,001 monitored households against 40,000 registered-poor people (5.0025% > 5%)', () => {
    expect(liling(2_001, 40_000)).toMatchObject({ ratioBasisPoints: 501, warning: true });
    expect(liling(2_001, 40_000).warningText).toBe(
      '醴陵市监测户2001户，占建档立卡人口40000人的5.01%，超过5.00%的监测规模预警线，请县级复核监测对象认定情况（仅作提示，不影响案件办理）',
    );
  });

  it('does not flag exactly 5%: 2,000 of 40,000', () => {
    expect(liling(2_000, 40_000)).toMatchObject({ ratioBasisPoints: 500, warning: false });
    expect(liling(2_000, 40_000).warningText).toContain('未超过5.00%');
  });

  it('reports 3 households of 38,000 as 1 basis point (rounded up), no warning', () => {
    expect(liling(3, 38_000)).toEqual({
      countyCode: '430281000000',
      monitoredHouseholds: 3,
      registeredPoorPopulation: 38_000,
      ratioBasisPoints: 1,
      thresholdBasisPoints: 500,
      warning: false,
      warningText: '醴陵市监测户3户，占建档立卡人口38000人的0.01%，未超过5.00%的监测规模预警线',
    });
  });

  it('says in Chinese that the population is missing instead of dividing by zero', () => {
    expect(liling(12, null)).toMatchObject({ ratioBasisPoints: null, warning: false });
    expect(liling(12, 0).warningText).toBe('醴陵市尚未登记建档立卡人口，无法计算监测规模占比（当前监测户12户）');
  });
});
