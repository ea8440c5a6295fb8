import { Injectable } from '@nestjs/common';
import type { PolicyProfile } from '../screening/domain';
import type { EffectivePolicy } from './effective-policy';
import { PolicyService } from './policy.service';
import { toPolicyProfile } from './to-policy-profile';

/**
 * The screening engine's view of the policy tables: the profile in force for a village on a day.
 * Effective values are cached per (area, day) by `PolicyService` and dropped on every new version, so an
 * intake batch of 100,000 households costs one query per distinct village and day, not per household.
 */
@Injectable()
export class PolicyProfileProvider {
  /** Keyed by the cached effective policy itself, so a new version (which drops that cache) drops these too. */
  private readonly profiles = new WeakMap<EffectivePolicy, PolicyProfile>();

  constructor(private readonly policy: PolicyService) {}

  /** Throws `POLICY.NOT_FOUND` (404) if no table applies, `POLICY.INCOMPLETE` (422) if screening keys are missing. */
  async profileFor(villageCode: string, on: string): Promise<PolicyProfile> {
    const effective = await this.policy.effective(villageCode, on);
    let profile = this.profiles.get(effective);
    if (!profile) {
      profile = toPolicyProfile(effective);
      this.profiles.set(effective, profile);
    }
    return profile;
  }
}
