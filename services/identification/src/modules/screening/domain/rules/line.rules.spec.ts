import { DEFAULT_POLICY_PROFILE_2021 as POLICY, withDibaoStandardLine } from '../policy-profile';
import { belowLineRule, monitoringLineRule } from './line.rules';

describe('MONITORING_LINE: an amount, or the dibao standard × 12', () => {
  it('is 6,500 yuan per capita per year by default', () => {
    const result = monitoringLineRule(POLICY);
    expect(result.output.monitoringLineFen).toBe(650_000);
    expect(result.reason).toBe('按000000000000地区2021年度监测线，监测线为人均6500.00元/年');
  });

  it('is 7,200 yuan where the dibao standard of 600 yuan per person per month is the line (Dongtai)', () => {
    const dongtai = withDibaoStandardLine(POLICY, 60_000, 'DONGTAI-2021.1');
    const result = monitoringLineRule(dongtai);
    expect(result.output.monitoringLineFen).toBe(720_000);
    expect(result.reason).toBe('按低保标准每人每月600.00元 × 12个月，监测线为人均7200.00元/年');
    expect(dongtai.version).toBe('DONGTAI-2021.1');
    expect(POLICY.monitoringLine).toEqual({ kind: 'AMOUNT', fenPerCapitaYear: 650_000 });
  });
});

describe('BELOW_LINE: per-capita income strictly below the line', () => {
  it('fires at 6,250 yuan against 6,500, 250 yuan below', () => {
    const result = belowLineRule(625_000, 650_000);
    expect(result).toMatchObject({ fired: true, output: { belowLine: true, gapFen: 25_000 } });
    expect(result.reason).toBe('人均纯收入6250.00元低于监测线6500.00元');
  });

  it('does not fire exactly at the line (6,500.00), but does one fen below (6,499.99)', () => {
    expect(belowLineRule(650_000, 650_000)).toMatchObject({ fired: false, output: { gapFen: 0 } });
    expect(belowLineRule(650_000, 650_000).reason).toBe('人均纯收入6500.00元不低于监测线6500.00元');
    expect(belowLineRule(649_999, 650_000)).toMatchObject({ fired: true, output: { gapFen: 1 } });
  });
});
