import type { AssigneeKind, HelperAvailability, HelperLevel, HelperRole } from '@prp/contracts';
import { areaPrefix, isWithin, townshipPrefix } from './area';
import type { AssignmentPolicy, Colour } from './assignment-policy';

/** What the assignment rules need to know about an included household (no names, no ID numbers). */
export interface HouseholdProfile {
  caseId: string;
  /** The village the case was registered in. */
  areaCode: string;
  colour?: Colour | null;
  registeredPoor?: boolean | null;
  relocated?: boolean | null;
  hukouAreaCode?: string | null;
  residenceAreaCode?: string | null;
}

/** Which rule produced a slot (shown to officials with its Chinese label). */
export type SlotRule = 'VILLAGE_COMMITTEE' | 'EXCLUSIVE' | 'GENERAL' | 'RELOCATED_HUKOU' | 'RELOCATED_COMMUNITY';

export const SLOT_RULE_LABELS: Record<SlotRule, string> = {
  VILLAGE_COMMITTEE: '蓝色户由村委会跟踪',
  EXCLUSIVE: '红/黄色建档立卡户由市级干部一对一帮扶',
  GENERAL: '其他户每名干部最多帮扶规定户数',
  RELOCATED_HUKOU: '易地搬迁户（户籍未迁）：户籍地乡镇帮扶责任人',
  RELOCATED_COMMUNITY: '易地搬迁户（户籍未迁）：安置社区帮扶责任人',
};

/** One helper a household must have. */
export interface Slot {
  role: HelperRole;
  kind: AssigneeKind;
  rule: SlotRule;
  /** The area the helper must cover (the household's village, hukou village or relocation community). */
  targetArea: string;
  /** When set, the helper's own area must lie inside this prefix (e.g. the hukou township). */
  scopePrefix?: string;
  /** The cadre helps this household only (1:1) and takes no other. */
  exclusive: boolean;
  /** Required cadre level. */
  level?: HelperLevel;
}

/** A cadre as the rules see one: where, which level, how busy. */
export interface HelperCandidate {
  helperId: string;
  level: HelperLevel;
  areaCode: string;
  availability: HelperAvailability;
  /** Most households the cadre can take personally; the region's ratio may cap it lower. */
  capacity: number;
  activeHouseholds: number;
  /** Households this cadre helps one-to-one (a cadre with one takes no other). */
  exclusiveHouseholds: number;
}

export interface SlotDecision {
  slot: Slot;
  /** The cadre chosen, `village-committee:<code>` for the village committee, or null when nobody fits. */
  helperId: string | null;
  level: HelperLevel | null;
}

export const villageCommitteeId = (villageCode: string) => `village-committee:${villageCode}`;

function hukouStayedBehind(
  h: HouseholdProfile,
): h is HouseholdProfile & { hukouAreaCode: string; residenceAreaCode: string } {
  return Boolean(h.relocated && h.hukouAreaCode && h.residenceAreaCode && h.hukouAreaCode !== h.residenceAreaCode);
}

export function isExclusive(h: HouseholdProfile, policy: AssignmentPolicy): boolean {
  if (!h.colour || !policy.exclusiveColours.includes(h.colour)) return false;
  return !policy.exclusiveRequiresRegisteredPoor || h.registeredPoor === true;
}

/**
 * The helpers a household must have under the region's policy. Without a colour (no household summary on
 * the event) the general rule applies. *(reading)* A relocated 1:1 household keeps the 1:1 cadre level for its
 * PRIMARY helper, who must cover the hukou village; its SECOND helper follows the general ratio.
 */
export function requiredSlots(h: HouseholdProfile, policy: AssignmentPolicy): Slot[] {
  const home = h.residenceAreaCode ?? h.areaCode;
  if (h.colour && policy.villageCommitteeColours.includes(h.colour)) {
    return [
      {
        role: 'PRIMARY',
        kind: 'VILLAGE_COMMITTEE',
        rule: 'VILLAGE_COMMITTEE',
        targetArea: home,
        exclusive: false,
        level: 'VILLAGE',
      },
    ];
  }
  const exclusive = isExclusive(h, policy);
  const levelRule = exclusive ? { exclusive: true, level: policy.exclusiveLevel } : { exclusive: false };
  if (policy.dualHelpersForRelocated && hukouStayedBehind(h)) {
    const primary: Slot = exclusive
      ? { role: 'PRIMARY', kind: 'CADRE', rule: 'RELOCATED_HUKOU', targetArea: h.hukouAreaCode, ...levelRule }
      : {
          role: 'PRIMARY',
          kind: 'CADRE',
          rule: 'RELOCATED_HUKOU',
          targetArea: h.hukouAreaCode,
          scopePrefix: townshipPrefix(h.hukouAreaCode),
          exclusive: false,
        };
    const second: Slot = {
      role: 'SECOND',
      kind: 'CADRE',
      rule: 'RELOCATED_COMMUNITY',
      targetArea: h.residenceAreaCode,
      scopePrefix: townshipPrefix(h.residenceAreaCode),
      exclusive: false,
    };
    return [primary, second];
  }
  return [
    { role: 'PRIMARY', kind: 'CADRE', rule: exclusive ? 'EXCLUSIVE' : 'GENERAL', targetArea: home, ...levelRule },
  ];
}

/** Households a cadre may carry under the general rule: their own capacity, capped by the region's ratio. */
export function limitOf(helper: HelperCandidate, policy: AssignmentPolicy): number {
  return Math.min(helper.capacity, policy.maxHouseholdsPerCadre);
}

/** Why a cadre cannot take a slot (Chinese, for officials), or null when they can. */
export function refusal(helper: HelperCandidate, slot: Slot, policy: AssignmentPolicy): string | null {
  if (slot.kind !== 'CADRE') return '该户由村委会跟踪，不需指定干部';
  if (helper.availability !== 'AVAILABLE') return '该干部当前不在岗';
  if (helper.exclusiveHouseholds > 0) return '该干部已一对一帮扶其他户';
  if (slot.exclusive && (helper.activeHouseholds > 0 || helper.capacity < 1))
    return '一对一帮扶须由未承担其他帮扶户的干部担任';
  if (!slot.exclusive && helper.activeHouseholds >= limitOf(helper, policy))
    return `该干部已帮扶${helper.activeHouseholds}户，已达上限${limitOf(helper, policy)}户`;
  if (slot.level && helper.level !== slot.level) return `此户应由${LEVEL_LABELS[slot.level]}干部帮扶`;
  if (!isWithin(slot.targetArea, helper.areaCode)) return '该干部的工作区域不覆盖此户';
  if (slot.scopePrefix && !helper.areaCode.startsWith(slot.scopePrefix)) return SLOT_RULE_LABELS[slot.rule];
  return null;
}

export const LEVEL_LABELS: Record<HelperLevel, string> = {
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇级',
  VILLAGE: '村级',
};

export function canTake(helper: HelperCandidate, slot: Slot, policy: AssignmentPolicy): boolean {
  return refusal(helper, slot, policy) === null;
}

/** The closest cadre (narrowest area), then the least busy, then by id so the choice is deterministic. */
export function chooseHelper(
  slot: Slot,
  candidates: readonly HelperCandidate[],
  policy: AssignmentPolicy,
  exclude: ReadonlySet<string> = new Set(),
): HelperCandidate | null {
  const eligible = candidates.filter((c) => !exclude.has(c.helperId) && canTake(c, slot, policy));
  eligible.sort(
    (a, b) =>
      areaPrefix(b.areaCode).length - areaPrefix(a.areaCode).length ||
      a.activeHouseholds - b.activeHouseholds ||
      a.helperId.localeCompare(b.helperId),
  );
  return eligible[0] ?? null;
}

/** Marks a cadre as carrying one more household (returns a new list; the input is not changed). */
export function withLoad(
  candidates: readonly HelperCandidate[],
  helperId: string,
  exclusive: boolean,
): HelperCandidate[] {
  return candidates.map((c) =>
    c.helperId === helperId
      ? {
          ...c,
          activeHouseholds: c.activeHouseholds + 1,
          exclusiveHouseholds: c.exclusiveHouseholds + (exclusive ? 1 : 0),
        }
      : c,
  );
}

export interface AssignmentPlan {
  decisions: SlotDecision[];
  /** The candidate list with the chosen cadres' new load, for the next household of a batch. */
  candidates: HelperCandidate[];
}

/**
 * Chooses a helper for each slot the household still lacks. `held` lists the roles already filled (an
 * assignment is never duplicated); two slots of one household never get the same cadre.
 */
export function assignHousehold(
  h: HouseholdProfile,
  policy: AssignmentPolicy,
  candidates: readonly HelperCandidate[],
  held: ReadonlyArray<{ role: HelperRole; helperId: string }> = [],
): AssignmentPlan {
  let pool = [...candidates];
  const used = new Set(held.map((a) => a.helperId));
  const decisions: SlotDecision[] = [];
  for (const slot of requiredSlots(h, policy)) {
    if (held.some((a) => a.role === slot.role)) continue;
    if (slot.kind === 'VILLAGE_COMMITTEE') {
      decisions.push({ slot, helperId: villageCommitteeId(slot.targetArea), level: 'VILLAGE' });
      continue;
    }
    const chosen = chooseHelper(slot, pool, policy, used);
    if (chosen) {
      used.add(chosen.helperId);
      pool = withLoad(pool, chosen.helperId, slot.exclusive);
    }
    decisions.push({ slot, helperId: chosen?.helperId ?? null, level: chosen?.level ?? null });
  }
  return { decisions, candidates: pool };
}

/** One assignment in force (`endedOn` null) or ended. */
export interface AssignmentState {
  assignmentId: string;
  caseId: string;
  helperId: string;
  role: HelperRole;
  exclusive: boolean;
  assignedOn: string;
  endedOn: string | null;
}

export interface ReplacementProposal {
  caseId: string;
  role: HelperRole;
  oldAssignmentId: string;
  oldHelperId: string;
  proposedHelperId: string | null;
}

/**
 * A cadre became unavailable: every household of theirs gets a proposal for the same role. Nothing ends
 * here: the old assignment stays in force until the replacement is assigned (风险不消除，帮扶不脱钩).
 */
export function proposeReplacements(input: {
  helperId: string;
  assignments: readonly AssignmentState[];
  households: ReadonlyMap<string, HouseholdProfile>;
  candidates: readonly HelperCandidate[];
  policy: (h: HouseholdProfile) => AssignmentPolicy;
}): ReplacementProposal[] {
  let pool = [...input.candidates];
  const proposals: ReplacementProposal[] = [];
  const mine = input.assignments.filter((a) => a.helperId === input.helperId && a.endedOn === null);
  for (const old of mine) {
    const household = input.households.get(old.caseId);
    if (!household) continue;
    const policy = input.policy(household);
    const slot = requiredSlots(household, policy).find((s) => s.role === old.role && s.kind === 'CADRE');
    const others = input.assignments
      .filter((a) => a.caseId === old.caseId && a.endedOn === null)
      .map((a) => a.helperId);
    const chosen = slot ? chooseHelper(slot, pool, policy, new Set([input.helperId, ...others])) : null;
    if (chosen && slot) pool = withLoad(pool, chosen.helperId, slot.exclusive);
    proposals.push({
      caseId: old.caseId,
      role: old.role,
      oldAssignmentId: old.assignmentId,
      oldHelperId: old.helperId,
      proposedHelperId: chosen?.helperId ?? null,
    });
  }
  return proposals;
}

/**
 * Puts a replacement in force: the new assignment starts and the old one ends in the same step, so the
 * household is covered before, during and after.
 */
export function applyReplacement(
  assignments: readonly AssignmentState[],
  proposal: ReplacementProposal,
  replacement: { assignmentId: string; helperId: string; on: string; exclusive: boolean },
): AssignmentState[] {
  const ended = assignments.map((a) =>
    a.assignmentId === proposal.oldAssignmentId ? { ...a, endedOn: replacement.on } : a,
  );
  return [
    ...ended,
    {
      assignmentId: replacement.assignmentId,
      caseId: proposal.caseId,
      helperId: replacement.helperId,
      role: proposal.role,
      exclusive: replacement.exclusive,
      assignedOn: replacement.on,
      endedOn: null,
    },
  ];
}

/** Open households (risk not eliminated) with no assignment in force. */
export function householdsWithoutHelper(
  openCaseIds: readonly string[],
  assignments: readonly AssignmentState[],
): string[] {
  const covered = new Set(assignments.filter((a) => a.endedOn === null).map((a) => a.caseId));
  return openCaseIds.filter((id) => !covered.has(id));
}
