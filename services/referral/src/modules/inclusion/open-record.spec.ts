import { randomUUID } from 'crypto';
import { ContractViolationError, createEnvelope, type AnyEnvelope } from '@prp/contracts';
import { DEFAULT_ASSIGNMENT_POLICY } from '../assignment/domain/assignment-policy';
import { requiredSlots } from '../assignment/domain/assignment-rules';
import { householdOf } from './open-record';

type Decided = Extract<AnyEnvelope, { type: 'case.decided' }>;

/** A case.decided as the consumer hands it over, with the household summary the lead adds to the payload. */
function decided(household?: unknown): Decided {
  const event = createEnvelope({
    type: 'case.decided',
    eventId: randomUUID(),
    caseId: randomUUID(),
    areaCode: '430281101201',
    producer: 'identification',
    payload: {
      outcome: 'INCLUDED',
      decidedAt: '2026-11-30T10:00:00+08:00',
      decidedAtLevel: 'COUNTY_APPROVAL',
      decisionId: randomUUID(),
    },
  });
  return { ...event, payload: { ...event.payload, ...(household === undefined ? {} : { household }) } } as Decided;
}

describe('the household summary on case.decided', () => {
  it('is optional: without it the general rule applies', () => {
    const event = decided();
    expect(householdOf(event)).toEqual({});
    expect(
      requiredSlots(
        { caseId: event.caseId, areaCode: event.areaCode, ...householdOf(event) },
        DEFAULT_ASSIGNMENT_POLICY,
      ),
    ).toEqual([expect.objectContaining({ rule: 'GENERAL' })]);
  });

  it('selects the rule when present: a relocated household whose hukou stayed behind gets two helpers', () => {
    const event = decided({
      colour: 'YELLOW',
      category: 'MARGINAL',
      registeredPoor: false,
      relocated: true,
      hukouAreaCode: '430281101201',
      residenceAreaCode: '430281102301',
      memberCount: 3,
    });
    const slots = requiredSlots(
      { caseId: event.caseId, areaCode: event.areaCode, ...householdOf(event) },
      DEFAULT_ASSIGNMENT_POLICY,
    );
    expect(slots.map((s) => [s.role, s.rule])).toEqual([
      ['PRIMARY', 'RELOCATED_HUKOU'],
      ['SECOND', 'RELOCATED_COMMUNITY'],
    ]);
  });

  it('makes the message poison (dead letter, no retry) when present but malformed, naming the field', () => {
    const event = decided({ colour: 'PURPLE', memberCount: 0 });
    expect(() => householdOf(event)).toThrow(ContractViolationError);
    expect(() => householdOf(event)).toThrow(/payload\.household\.colour/);
  });
});
