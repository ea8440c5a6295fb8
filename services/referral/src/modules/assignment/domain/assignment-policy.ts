import { z } from 'zod';
import { HelperLevelSchema } from '@prp/contracts';

export const COLOURS = ['RED', 'YELLOW', 'BLUE'] as const;
export type Colour = (typeof COLOURS)[number];

/** The helper ratios of a region (policy.md §3, Liling defaults). Values of a policy table, never constants. */
export const AssignmentPolicySchema = z.object({
  /** Colours whose (registered-poor, see below) households get a cadre of their own (1:1). */
  exclusiveColours: z.array(z.enum(COLOURS)),
  /** Whether the 1:1 rule applies only to registered-poor households (建档立卡). */
  exclusiveRequiresRegisteredPoor: z.boolean(),
  /** Level of the cadre a 1:1 household gets. */
  exclusiveLevel: HelperLevelSchema,
  /** Most households one cadre helps under the general rule (1:2 → 2). */
  maxHouseholdsPerCadre: z.number().int().min(1).max(50),
  /** Colours tracked by the village committee instead of a cadre. */
  villageCommitteeColours: z.array(z.enum(COLOURS)),
  /** Relocated households whose hukou stayed behind get a PRIMARY (hukou township) and a SECOND (relocation community). */
  dualHelpersForRelocated: z.boolean(),
});
export type AssignmentPolicy = z.infer<typeof AssignmentPolicySchema>;

/** Defaults from policy.md §3 (Liling ratios). */
export const DEFAULT_ASSIGNMENT_POLICY: AssignmentPolicy = {
  exclusiveColours: ['RED', 'YELLOW'],
  exclusiveRequiresRegisteredPoor: true,
  exclusiveLevel: 'CITY',
  maxHouseholdsPerCadre: 2,
  villageCommitteeColours: ['BLUE'],
  dualHelpersForRelocated: true,
};

export const AssignmentPolicyOverrideSchema = AssignmentPolicySchema.partial();
export type AssignmentPolicyOverride = z.infer<typeof AssignmentPolicyOverrideSchema>;

export interface PolicyOverrideRow {
  /** Area-code prefix the override applies to (`''` = everywhere, `4302` = a city, `430281` = a county...). */
  areaPrefix: string;
  values: AssignmentPolicyOverride;
}

/** The policy in force for an area: the defaults, then every matching override from the widest to the narrowest. */
export function resolveAssignmentPolicy(
  areaCode: string,
  overrides: readonly PolicyOverrideRow[],
  defaults: AssignmentPolicy = DEFAULT_ASSIGNMENT_POLICY,
): AssignmentPolicy {
  return overrides
    .filter((row) => areaCode.startsWith(row.areaPrefix))
    .sort((a, b) => a.areaPrefix.length - b.areaPrefix.length)
    .reduce<AssignmentPolicy>((policy, row) => ({ ...policy, ...stripUndefined(row.values) }), { ...defaults });
}

function stripUndefined(values: AssignmentPolicyOverride): AssignmentPolicyOverride {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as AssignmentPolicyOverride;
}
