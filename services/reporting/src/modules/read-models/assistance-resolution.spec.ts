import { randomUUID } from 'crypto';
import { createEnvelope, type AnyEnvelope, type EventPayloads } from '@prp/contracts';
import { resolutionsOf, type AssistanceEnvelope } from './assistance-resolution';

function event<K extends keyof EventPayloads>(type: K, payload: EventPayloads[K]) {
  const caseId = randomUUID();
  return createEnvelope({
    type,
    eventId: randomUUID(),
    caseId,
    areaCode: '450222101201',
    producer: 'test',
    payload,
  }) as AnyEnvelope as AssistanceEnvelope;
}

describe('which assistance clocks a fact settles', () => {
  it('settles a closed task’s reports of every month up to the month it closed', () => {
    const [resolution] = resolutionsOf(
      event('task.completed', { taskId: 't1', department: 'HEALTH', completedOn: '2026-11-05' }),
    );
    expect(resolution).toMatchObject({ kind: 'MONTHLY_REPORT', taskId: 't1', periodTo: '2026-11', on: '2026-11-05' });
  });

  it('settles the report of the period reported, for that task only', () => {
    expect(
      resolutionsOf(
        event('task.reported', { taskId: 't2', department: 'HEALTH', reportedOn: '2026-12-02', period: '2026-11' }),
      ),
    ).toEqual([
      expect.objectContaining({ kind: 'MONTHLY_REPORT', taskId: 't2', period: '2026-11', matchKey: 't2/2026-11' }),
    ]);
  });

  it('settles the leaving helper’s replacement with the role replaced', () => {
    expect(
      resolutionsOf(
        event('helper.replaced', { oldHelperId: 'a', helperId: 'b', role: 'SECOND', assignedOn: '2026-11-02' }),
      ),
    ).toEqual([{ kind: 'HELPER_REPLACEMENT', matchKey: 'a', helperId: 'a', role: 'SECOND', on: '2026-11-02' }]);
  });

  it.each([
    [
      'task.created',
      event('task.created', { taskId: 't', department: 'HEALTH', measure: 'HEALTH', createdOn: '2026-11-02' }),
    ],
    [
      'task.acknowledged',
      event('task.acknowledged', { taskId: 't', department: 'HEALTH', acknowledgedOn: '2026-11-03' }),
    ],
    ['helper.unavailable', event('helper.unavailable', { helperId: 'a', reason: 'SICK', since: '2026-11-03' })],
  ])('%s settles nothing by itself', (_type, fact) => {
    expect(resolutionsOf(fact)).toEqual([]);
  });
});
