import { outboxRowToMessage, relayBackoff } from './outbox-relay';

describe('outbox relay helpers', () => {
  it('publishes a stored row under its topic and key, with the event headers', () => {
    const envelope = { type: 'case.submitted', eventId: 'e-1', schemaVersion: 1, caseId: 'c-1' };
    expect(outboxRowToMessage({ seq: '5', topic: 'prp.case.events.v1', message_key: 'c-1', envelope })).toEqual({
      topic: 'prp.case.events.v1',
      key: 'c-1',
      value: JSON.stringify(envelope),
      headers: { 'event-type': 'case.submitted', 'event-id': 'e-1', 'schema-version': '1' },
    });
  });

  it('polls at the interval while healthy and backs off exponentially, capped, while publishing fails', () => {
    expect(relayBackoff(200, 0, 30_000)).toBe(200);
    expect([1, 2, 3, 4].map((n) => relayBackoff(200, n, 30_000))).toEqual([400, 800, 1_600, 3_200]);
    expect(relayBackoff(200, 20, 30_000)).toBe(30_000);
  });
});
