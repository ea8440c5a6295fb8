import { childrenSupportExclusionRule } from './exclusion.rule';

describe('CHILDREN_SUPPORT_EXCLUSION: children able to support the household', () => {
  it('fires and says so in Chinese when the children can support', () => {
    expect(childrenSupportExclusionRule(true)).toEqual({
      rule: 'CHILDREN_SUPPORT_EXCLUSION',
      fired: true,
      inputs: { childrenAbleToSupport: true },
      output: { excluded: true },
      reason: '子女有充足赡养能力，不纳入监测对象',
    });
  });

  it('does not fire otherwise', () => {
    expect(childrenSupportExclusionRule(false)).toMatchObject({ fired: false, output: { excluded: false } });
  });
});
