import type { HouseholdRequest } from '../household.dto';
import { maskName } from '../mask';
import { maskIdCard } from '../pii';

/** The household as stored on the case and in its revisions: names and ID numbers masked. */
export function maskHousehold(household: HouseholdRequest) {
  const members = household.members.map((member) => ({
    ...member,
    name: maskName(member.name),
    idCardNumber: maskIdCard(member.idCardNumber),
  }));
  return { ...household, members };
}

export function householdHead(household: HouseholdRequest): HouseholdRequest['members'][number] {
  return household.members.find((member) => member.relation === 'HEAD') ?? household.members[0];
}
