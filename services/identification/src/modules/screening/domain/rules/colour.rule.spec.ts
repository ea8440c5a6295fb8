import type { Guarantees } from '../household';
import { DEFAULT_POLICY_PROFILE_2021 as POLICY } from '../policy-profile';
import { GUARANTEE_KEYS } from '../vocabulary';
import { colourRule, yellowLineFen, type ColourFacts } from './colour.rule';

const allMet = Object.fromEntries(GUARANTEE_KEYS.map((key) => [key, true])) as Guarantees;
const facts = (overrides: Partial<ColourFacts>): ColourFacts => ({
  riskPoints: [],
  guarantees: allMet,
  perCapitaIncomeFen: 1_000_000,
  qualifies: false,
  excluded: false,
  ...overrides,
});
const colourOf = (overrides: Partial<ColourFacts>) => colourRule(facts(overrides), POLICY).output.colour;

describe('COLOUR: 三色管理', () => {
  it('puts the YELLOW line at 1.5 × 4,333.33 yuan = 6,500.00 yuan (rounded up to the fen)', () => {
    expect(yellowLineFen(POLICY)).toBe(650_000);
  });

  it('is RED for a qualifying household with two risk points at once', () => {
    const result = colourRule(facts({ qualifies: true, riskPoints: ['ILLNESS', 'LOST_MAIN_LABOURER'] }), POLICY);
    expect(result.output.colour).toBe('RED');
    expect(result.reason).toBe('同时存在2个风险点（因病、主要劳动力丧失），达到2个，标记为红色');
  });

  it('counts a repeated risk point once: ILLNESS twice is YELLOW, not RED', () => {
    expect(colourOf({ qualifies: true, riskPoints: ['ILLNESS', 'ILLNESS'] })).toBe('YELLOW');
  });

  it('is YELLOW for a qualifying household at 6,250 yuan with one risk point, naming the gap', () => {
    const result = colourRule(facts({ qualifies: true, perCapitaIncomeFen: 625_000, riskPoints: ['ILLNESS'] }), POLICY);
    expect(result.output.colour).toBe('YELLOW');
    expect(result.reason).toBe('预计人均纯收入6250.00元不高于6500.00元；符合监测对象纳入条件，标记为黄色');
  });

  it('is BLUE, watched, for a household exposed to schooling costs without qualifying', () => {
    const result = colourRule(facts({ riskPoints: ['SCHOOLING'] }), POLICY);
    expect(result.output.colour).toBe('BLUE');
    expect(result.reason).toBe('未达到纳入条件，但存在大额支出风险（因学），由村跟踪，标记为蓝色');
  });

  it('keeps a non-qualifying household at BLUE even with two risk points or an unmet guarantee', () => {
    expect(colourOf({ riskPoints: ['DISABILITY', 'UNEMPLOYMENT'] })).toBe('BLUE');
    expect(colourOf({ guarantees: { ...allMet, safeHousing: false } })).toBe('BLUE');
    expect(colourOf({ perCapitaIncomeFen: 650_000 })).toBe('BLUE');
  });

  it('gives no colour above the YELLOW line without exposure, and none to an excluded household', () => {
    expect(colourOf({ perCapitaIncomeFen: 650_001, riskPoints: ['UNEMPLOYMENT'] })).toBeUndefined();
    const excluded = colourRule(facts({ excluded: true, riskPoints: ['ILLNESS', 'DISASTER'] }), POLICY);
    expect(excluded).toMatchObject({ fired: false, output: {}, reason: '不划色：子女有充足赡养能力，不纳入监测' });
  });
});
