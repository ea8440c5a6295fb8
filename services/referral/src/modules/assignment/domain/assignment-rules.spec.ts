import { DEFAULT_ASSIGNMENT_POLICY, resolveAssignmentPolicy, type AssignmentPolicy } from './assignment-policy';
import {
  applyReplacement,
  assignHousehold,
  householdsWithoutHelper,
  proposeReplacements,
  refusal,
  requiredSlots,
  withLoad,
  type AssignmentState,
  type HelperCandidate,
  type HouseholdProfile,
} from './assignment-rules';

const VILLAGE = '430281101201';
const OTHER_VILLAGE_SAME_TOWNSHIP = '430281101202';
const COMMUNITY = '430281102301'; // relocation community in another township of the same county
const CITY = '430200000000';
const TOWNSHIP = '430281101000';
const COMMUNITY_TOWNSHIP = '430281102000';

const cadre = (helperId: string, patch: Partial<HelperCandidate> = {}): HelperCandidate => ({
  helperId,
  level: 'VILLAGE',
  areaCode: VILLAGE,
  availability: 'AVAILABLE',
  capacity: 5,
  activeHouseholds: 0,
  exclusiveHouseholds: 0,
  ...patch,
});
const household = (caseId: string, patch: Partial<HouseholdProfile> = {}): HouseholdProfile => ({
  caseId,
  areaCode: VILLAGE,
  ...patch,
});
const policy = DEFAULT_ASSIGNMENT_POLICY;

describe('assignment rules (policy.md §3, Liling ratios)', () => {
  it('gives a RED registered-poor household a city-level cadre one to one, even when a village cadre is free', () => {
    const pool = [cadre('village-1'), cadre('city-1', { level: 'CITY', areaCode: CITY })];
    const plan = assignHousehold(household('c1', { colour: 'RED', registeredPoor: true }), policy, pool);
    expect(plan.decisions).toEqual([
      expect.objectContaining({
        helperId: 'city-1',
        level: 'CITY',
        slot: expect.objectContaining({ exclusive: true }),
      }),
    ]);
  });

  it('leaves a YELLOW registered-poor household unassigned rather than give it a city cadre who already helps someone', () => {
    const busyCity = cadre('city-1', { level: 'CITY', areaCode: CITY, activeHouseholds: 1 });
    const plan = assignHousehold(household('c1', { colour: 'YELLOW', registeredPoor: true }), policy, [
      busyCity,
      cadre('v'),
    ]);
    expect(plan.decisions.map((d) => d.helperId)).toEqual([null]);
  });

  it('never gives a cadre who helps a household one to one a second household', () => {
    const city = cadre('city-1', { level: 'CITY', areaCode: CITY, capacity: 10 });
    const first = assignHousehold(household('c1', { colour: 'RED', registeredPoor: true }), policy, [city]);
    const second = assignHousehold(household('c2', { colour: 'YELLOW' }), policy, first.candidates);
    expect(first.decisions[0].helperId).toBe('city-1');
    expect(second.decisions[0].helperId).toBeNull();
  });

  it('gives other households a cadre who helps at most two of them (1:2)', () => {
    let pool = [cadre('v1', { capacity: 10 }), cadre('v2', { capacity: 10 })];
    const chosen: (string | null)[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      const plan = assignHousehold(household(id, { colour: 'YELLOW', registeredPoor: false }), policy, pool);
      pool = plan.candidates;
      chosen.push(plan.decisions[0].helperId);
    }
    expect(chosen.filter((h) => h === 'v1')).toHaveLength(2);
    expect(chosen.filter((h) => h === 'v2')).toHaveLength(2);
    expect(chosen[4]).toBeNull();
  });

  it('reads the ratio from the region policy, not a constant: a 1:3 county lets a cadre take three', () => {
    const oneToThree = resolveAssignmentPolicy(VILLAGE, [
      { areaPrefix: '430281', values: { maxHouseholdsPerCadre: 3 } },
    ]);
    let pool = [cadre('v1', { capacity: 10 })];
    const chosen = ['a', 'b', 'c', 'd'].map((id) => {
      const plan = assignHousehold(household(id), oneToThree, pool);
      pool = plan.candidates;
      return plan.decisions[0].helperId;
    });
    expect(chosen).toEqual(['v1', 'v1', 'v1', null]);
  });

  it("respects a cadre's own capacity below the region's ratio", () => {
    const plan1 = assignHousehold(household('a'), policy, [cadre('v1', { capacity: 1 })]);
    const plan2 = assignHousehold(household('b'), policy, plan1.candidates);
    expect([plan1.decisions[0].helperId, plan2.decisions[0].helperId]).toEqual(['v1', null]);
  });

  it('hands a BLUE household to the village committee, without a cadre', () => {
    const plan = assignHousehold(household('c1', { colour: 'BLUE', registeredPoor: true }), policy, [cadre('v1')]);
    expect(plan.decisions).toEqual([
      expect.objectContaining({
        helperId: `village-committee:${VILLAGE}`,
        slot: expect.objectContaining({ kind: 'VILLAGE_COMMITTEE' }),
      }),
    ]);
    expect(plan.candidates.find((c) => c.helperId === 'v1')?.activeHouseholds).toBe(0);
  });

  it('gives a relocated household whose hukou stayed behind a hukou-township PRIMARY and a community SECOND helper', () => {
    const h = household('c1', { relocated: true, hukouAreaCode: VILLAGE, residenceAreaCode: COMMUNITY });
    const pool = [
      cadre('community-cadre', { areaCode: COMMUNITY }),
      cadre('hukou-township-cadre', { level: 'TOWNSHIP', areaCode: TOWNSHIP }),
      cadre('community-township-cadre', { level: 'TOWNSHIP', areaCode: COMMUNITY_TOWNSHIP }),
    ];
    const plan = assignHousehold(h, policy, pool);
    expect(plan.decisions.map((d) => [d.slot.role, d.helperId])).toEqual([
      ['PRIMARY', 'hukou-township-cadre'],
      ['SECOND', 'community-cadre'],
    ]);
  });

  it('gives one helper to a relocated household whose hukou moved with it, and only one when the region turns dual helpers off', () => {
    const moved = household('c1', { relocated: true, hukouAreaCode: COMMUNITY, residenceAreaCode: COMMUNITY });
    expect(requiredSlots(moved, policy).map((s) => s.role)).toEqual(['PRIMARY']);
    const single: AssignmentPolicy = { ...policy, dualHelpersForRelocated: false };
    const behind = household('c2', { relocated: true, hukouAreaCode: VILLAGE, residenceAreaCode: COMMUNITY });
    expect(requiredSlots(behind, single)).toEqual([
      expect.objectContaining({ role: 'PRIMARY', targetArea: COMMUNITY }),
    ]);
  });

  it('never uses the same cadre for both roles of a household', () => {
    const h = household('c1', {
      relocated: true,
      hukouAreaCode: VILLAGE,
      residenceAreaCode: OTHER_VILLAGE_SAME_TOWNSHIP,
    });
    const plan = assignHousehold(h, policy, [cadre('township', { level: 'TOWNSHIP', areaCode: TOWNSHIP })]);
    expect(plan.decisions.map((d) => d.helperId)).toEqual(['township', null]);
  });

  it('applies the general rule when the event carried no household summary', () => {
    expect(requiredSlots(household('c1'), policy)).toEqual([
      expect.objectContaining({ rule: 'GENERAL', exclusive: false }),
    ]);
  });

  it('skips cadres who are not available, and prefers the closest one', () => {
    const pool = [
      cadre('sick', { availability: 'SICK' }),
      cadre('township', { level: 'TOWNSHIP', areaCode: TOWNSHIP }),
      cadre('elsewhere', { areaCode: OTHER_VILLAGE_SAME_TOWNSHIP }),
    ];
    expect(assignHousehold(household('c1'), policy, pool).decisions[0].helperId).toBe('township');
    expect(assignHousehold(household('c1'), policy, [...pool, cadre('here')]).decisions[0].helperId).toBe('here');
  });
});

describe('replacing a helper who becomes unavailable (风险不消除，帮扶不脱钩)', () => {
  const households = new Map(
    [
      household('h1'),
      household('h2'),
      household('h3', { relocated: true, hukouAreaCode: VILLAGE, residenceAreaCode: COMMUNITY }),
    ].map((h) => [h.caseId, h]),
  );
  const open = [...households.keys()];
  const state: AssignmentState[] = [
    {
      assignmentId: 'a1',
      caseId: 'h1',
      helperId: 'old',
      role: 'PRIMARY',
      exclusive: false,
      assignedOn: '2026-10-01',
      endedOn: null,
    },
    {
      assignmentId: 'a2',
      caseId: 'h2',
      helperId: 'old',
      role: 'PRIMARY',
      exclusive: false,
      assignedOn: '2026-10-01',
      endedOn: null,
    },
    {
      assignmentId: 'a3',
      caseId: 'h3',
      helperId: 'hukou',
      role: 'PRIMARY',
      exclusive: false,
      assignedOn: '2026-10-01',
      endedOn: null,
    },
    {
      assignmentId: 'a4',
      caseId: 'h3',
      helperId: 'old2',
      role: 'SECOND',
      exclusive: false,
      assignedOn: '2026-10-01',
      endedOn: null,
    },
  ];

  it('proposes a replacement for every household of the helper, and no household is left without one at any step', () => {
    const pool = [
      cadre('old', { availability: 'SICK', activeHouseholds: 2 }),
      cadre('new-1', { activeHouseholds: 1 }),
      cadre('new-2'),
    ];
    expect(householdsWithoutHelper(open, state)).toEqual([]);

    const proposals = proposeReplacements({
      helperId: 'old',
      assignments: state,
      households,
      candidates: pool,
      policy: () => policy,
    });
    expect(proposals.map((p) => [p.caseId, p.proposedHelperId])).toEqual([
      ['h1', 'new-2'],
      ['h2', 'new-1'],
    ]);
    // Proposed, not yet assigned: the old helper still covers both households.
    expect(householdsWithoutHelper(open, state)).toEqual([]);

    let next = state;
    for (const [i, proposal] of proposals.entries()) {
      next = applyReplacement(next, proposal, {
        assignmentId: `r${i}`,
        helperId: proposal.proposedHelperId ?? '',
        on: '2026-11-20',
        exclusive: false,
      });
      expect(householdsWithoutHelper(open, next)).toEqual([]);
    }
    expect(next.filter((a) => a.helperId === 'old' && a.endedOn === null)).toEqual([]);
    expect(
      next
        .filter((a) => a.endedOn === null)
        .map((a) => a.helperId)
        .sort(),
    ).toEqual(['hukou', 'new-1', 'new-2', 'old2']);
  });

  it('still proposes (with no cadre) when nobody fits, and the old helper keeps the household meanwhile', () => {
    const proposals = proposeReplacements({
      helperId: 'old',
      assignments: state,
      households,
      candidates: [cadre('full', { activeHouseholds: 2 })],
      policy: () => policy,
    });
    expect(proposals.map((p) => p.proposedHelperId)).toEqual([null, null]);
    expect(householdsWithoutHelper(open, state)).toEqual([]);
  });

  it('replaces the community SECOND helper of a relocated household with another community cadre, not the PRIMARY one', () => {
    const pool = [
      cadre('hukou', { level: 'TOWNSHIP', areaCode: TOWNSHIP }),
      cadre('community-2', { areaCode: COMMUNITY }),
    ];
    const [proposal] = proposeReplacements({
      helperId: 'old2',
      assignments: state,
      households,
      candidates: pool,
      policy: () => policy,
    });
    expect(proposal).toMatchObject({ caseId: 'h3', role: 'SECOND', proposedHelperId: 'community-2' });
  });

  it('counts an open household whose only assignment ended as without a helper', () => {
    const ended = state.map((a) => (a.caseId === 'h1' ? { ...a, endedOn: '2026-11-01' } : a));
    expect(householdsWithoutHelper(open, ended)).toEqual(['h1']);
  });

  it('tracks the load it hands out within one batch', () => {
    expect(withLoad([cadre('x')], 'x', true)[0]).toMatchObject({ activeHouseholds: 1, exclusiveHouseholds: 1 });
  });
});

describe('region policy', () => {
  it('starts from the policy.md defaults and lets the narrowest override win', () => {
    const rows = [
      { areaPrefix: '', values: { maxHouseholdsPerCadre: 4 } },
      { areaPrefix: '430281', values: { maxHouseholdsPerCadre: 3, exclusiveLevel: 'COUNTY' as const } },
      { areaPrefix: '4502', values: { maxHouseholdsPerCadre: 1 } },
    ];
    expect(resolveAssignmentPolicy(VILLAGE, rows)).toEqual({
      ...DEFAULT_ASSIGNMENT_POLICY,
      maxHouseholdsPerCadre: 3,
      exclusiveLevel: 'COUNTY',
    });
    expect(resolveAssignmentPolicy('430102000000', rows).maxHouseholdsPerCadre).toBe(4);
    expect(resolveAssignmentPolicy('430102000000', []).maxHouseholdsPerCadre).toBe(2);
  });
});

describe('refusing a cadre chosen by hand', () => {
  const slot = requiredSlots(household('c1', { colour: 'RED', registeredPoor: true }), policy)[0];
  it.each([
    ['a sick cadre', cadre('x', { level: 'CITY', areaCode: CITY, availability: 'SICK' }), '不在岗'],
    ['a village cadre for a 1:1 household', cadre('x'), '市级'],
    [
      'a city cadre who already helps someone',
      cadre('x', { level: 'CITY', areaCode: CITY, activeHouseholds: 1 }),
      '一对一',
    ],
    ['a city cadre of another city', cadre('x', { level: 'CITY', areaCode: '450200000000' }), '不覆盖'],
  ])('refuses %s, saying why in Chinese', (_label, helper, reason) => {
    expect(refusal(helper, slot, policy)).toContain(reason);
  });

  it('accepts a free city cadre of the same city', () => {
    expect(refusal(cadre('x', { level: 'CITY', areaCode: CITY }), slot, policy)).toBeNull();
  });
});
