import type { HouseholdCaseEntity } from '../../../database';
import type { ScreeningResult } from '../../screening/domain';
import { rescreenedEvent, storedVerdict } from './rescreen-events';

const kase = (screening: object | null) =>
  ({
    id: '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11',
    areaCode: '430281101201',
    caseNo: 'JC202600000001',
    category: 'MARGINAL',
    colour: 'YELLOW',
    screening,
  }) as HouseholdCaseEntity;

describe('the case.rescreened event', () => {
  it('reads the previous verdict from a stored summary or full result, and knows none for an old row', () => {
    expect(storedVerdict(kase({ qualifies: true, firedRules: [] }))).toEqual({
      category: 'MARGINAL',
      colour: 'YELLOW',
      qualifies: true,
    });
    expect(storedVerdict(kase(null)).qualifies).toBeNull();
  });

  it('carries old and new category, colour and verdict, validated against the contract', () => {
    const screening = {
      category: 'SUDDEN_HARDSHIP',
      colour: 'RED',
      qualifies: true,
      policyVersion: 'p@1',
    } as ScreeningResult;
    const event = rescreenedEvent({
      kase: kase({ qualifies: true }),
      revisionNo: 2,
      trigger: 'FACTS_CHANGED',
      changedBy: 'clerk-0451',
      reason: '新增因病风险点',
      previous: storedVerdict(kase({ qualifies: true })),
      screening,
      status: 'SUSPECTED',
      changedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(event).toMatchObject({
      type: 'case.rescreened',
      caseId: '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11',
      payload: {
        previous: { category: 'MARGINAL', colour: 'YELLOW', qualifies: true },
        current: { category: 'SUDDEN_HARDSHIP', colour: 'RED', qualifies: true },
        revisionNo: 2,
      },
    });
  });
});
