import { notificationText } from './notification-text';

describe('what the village committee reads to the household', () => {
  it('tells an included household the date of the county decision and that a helper will call', () => {
    const text = notificationText({
      caseNo: 'JC202600000042',
      outcome: 'INCLUDED',
      step: 'COUNTY_APPROVAL',
      decidedOn: '2026-11-30',
    });
    expect(text).toBe(
      '您家（案件编号JC202600000042）经2026年11月30日县级审定，已纳入防止返贫监测对象。村委会将安排帮扶责任人与您联系，落实帮扶措施。',
    );
  });

  it('tells a rejected household at which step, why, and where to object', () => {
    const text = notificationText({
      caseNo: 'JC202600000043',
      outcome: 'REJECTED',
      step: 'VILLAGE_REVIEW',
      decidedOn: '2026-11-09',
      reason: '家庭人均纯收入9,200元，高于监测线6,500元',
    });
    expect(text).toContain('经2026年11月9日行政村评议，本次未纳入防止返贫监测对象');
    expect(text).toContain('原因：家庭人均纯收入9,200元，高于监测线6,500元。');
    expect(text).toContain('如有异议');
  });
});
