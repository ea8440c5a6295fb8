import type { ScreeningResult } from '../../screening/domain';
import { noLongerQualifiesMessage, outcomeMessage, planRescreen } from './rescreen-plan';

const verdict = (disposition: ScreeningResult['disposition'], colour?: ScreeningResult['colour']): ScreeningResult => ({
  qualifies: disposition === 'CASE',
  disposition,
  flagged: disposition !== 'SCREENED_OUT',
  colour,
  perCapitaIncomeFen: 400_000,
  monitoringLineFen: 650_000,
  reasons: ['家庭年人均纯收入4,000.00元高于监测线', '不符合监测对象纳入条件'],
  rules: [],
  policyVersion: '000000000000/2026@1',
});

describe('what a new screening does to a case', () => {
  it('makes a screened-out or watched household that qualifies now a suspected case announced by case.submitted', () => {
    for (const status of ['SCREENED_OUT', 'BLUE_WATCH']) {
      expect(planRescreen(status, verdict('CASE', 'YELLOW'))).toEqual({
        status: 'SUSPECTED',
        becameSuspected: true,
        inApprovalChain: false,
        noLongerQualifies: false,
        publish: 'case.submitted',
      });
    }
  });

  it('lets the status of a household not yet in the chain follow its screening, without an event', () => {
    expect(planRescreen('SCREENED_OUT', verdict('BLUE_WATCH', 'BLUE'))).toMatchObject({
      status: 'BLUE_WATCH',
      publish: null,
    });
    expect(planRescreen('BLUE_WATCH', verdict('SCREENED_OUT'))).toMatchObject({
      status: 'SCREENED_OUT',
      publish: null,
    });
  });

  it('keeps the status of a case in the chain, publishes case.rescreened and flags one that no longer qualifies', () => {
    expect(planRescreen('RESPONDED', verdict('CASE', 'RED'))).toEqual({
      status: 'RESPONDED',
      becameSuspected: false,
      inApprovalChain: true,
      noLongerQualifies: false,
      publish: 'case.rescreened',
    });
    expect(planRescreen('SUSPECTED', verdict('SCREENED_OUT'))).toMatchObject({
      status: 'SUSPECTED',
      noLongerQualifies: true,
      publish: 'case.rescreened',
    });
  });

  it('tells the clerk in Chinese why the case no longer qualifies and that the chain decides', () => {
    const message = noLongerQualifiesMessage('JC202600000007', verdict('SCREENED_OUT'));
    expect(message).toContain('JC202600000007');
    expect(message).toContain('高于监测线');
    expect(message).toContain('不会自动终止');
    const plan = planRescreen('SCREENED_OUT', verdict('CASE', 'YELLOW'));
    expect(outcomeMessage('JC202600000007', plan, '2026-12-08')).toContain('2026-12-08');
  });
});
