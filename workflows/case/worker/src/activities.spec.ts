import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { parseEnvelope, TOPICS } from '@prp/contracts';
import type { OutgoingMessage } from '@prp/messaging';
import { createActivities } from './activities';

const overdueInput = {
  caseId: '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11',
  areaCode: '430281101201',
  workflowId: 'case-7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11',
  kind: 'RESPONSE' as const,
  dueDate: '2024-10-10',
  dueAt: '2024-10-10T23:59:59.999+08:00',
  responsibleLevel: 'TOWNSHIP' as const,
  escalatedTo: 'COUNTY' as const,
};

function setup(fetchFn: typeof fetch = jest.fn()) {
  const published: OutgoingMessage[] = [];
  const activities = createActivities({
    publisher: { publish: async (messages) => void published.push(...messages) },
    identificationUrl: 'http://identification.test',
    fetchFn,
  });
  return { activities, published, env: new MockActivityEnvironment() };
}

describe('case activities', () => {
  it('publishes one well-formed deadline.overdue keyed by the case, with the same event id on every retry', async () => {
    const { activities, published, env } = setup();
    await env.run(activities.emitDeadlineOverdue, overdueInput);
    await env.run(activities.emitDeadlineOverdue, overdueInput);
    expect(published).toHaveLength(2);
    expect(published[0]).toMatchObject({ topic: TOPICS.deadlineEvents, key: overdueInput.caseId });
    const [first, retry] = published.map((m) => parseEnvelope(JSON.parse(m.value)));
    expect(first).toMatchObject({ type: 'deadline.overdue', payload: { kind: 'RESPONSE', escalatedTo: 'COUNTY' } });
    expect(retry.eventId).toBe(first.eventId);
  });

  it('asks the identification calendar for the due date', async () => {
    const fetchFn = jest.fn(async () => new Response(JSON.stringify({ dueDate: '2024-10-10', dueAt: overdueInput.dueAt, explanation: '…' }), { status: 200 }));
    const { activities, env } = setup(fetchFn as unknown as typeof fetch);
    await expect(env.run(activities.computeDeadline, { from: '2024-09-27', workingDays: 5 })).resolves.toMatchObject({ dueDate: '2024-10-10' });
    expect(String((fetchFn.mock.calls[0] as unknown[])[0])).toBe('http://identification.test/api/v1/calendar/deadline?from=2024-09-27&workingDays=5');
  });

  it('fails without retry when the calendar rejects the input, and retries when the service is down', async () => {
    const rejecting = setup((async () => new Response(JSON.stringify({ message: '日期无效' }), { status: 400 })) as unknown as typeof fetch);
    const failure = rejecting.env.run(rejecting.activities.computeDeadline, { from: 'x', workingDays: 5 });
    await expect(failure).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(failure).rejects.toMatchObject({ type: 'CALENDAR.INVALID_INPUT', nonRetryable: true });

    const down = setup((async () => new Response('{}', { status: 503 })) as unknown as typeof fetch);
    await expect(down.env.run(down.activities.computeDeadline, { from: '2024-09-27', workingDays: 5 })).rejects.not.toBeInstanceOf(ApplicationFailure);
  });
});
