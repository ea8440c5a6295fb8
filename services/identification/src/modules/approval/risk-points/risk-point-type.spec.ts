import { riskPointTypeOf } from './risk-point-type';

describe('the screening kind of a reported risk point', () => {
  it('takes the kind given with the report', () => {
    expect(riskPointTypeOf('户主务工时摔伤', 'LOST_MAIN_LABOURER')).toBe('LOST_MAIN_LABOURER');
  });

  it('reads a text that is exactly a kind, in Chinese or as its code', () => {
    expect(riskPointTypeOf(' 因灾 ')).toBe('DISASTER');
    expect(riskPointTypeOf('INCOME_COLLAPSE')).toBe('INCOME_COLLAPSE');
  });

  it('files any other description as OTHER', () => {
    expect(riskPointTypeOf('暴雨致房屋受损，需评估')).toBe('OTHER');
  });
});
