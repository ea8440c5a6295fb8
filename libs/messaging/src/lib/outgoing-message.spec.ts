import { parseEnvelope, TOPICS } from '@prp/contracts';
import { caseSubmitted } from '../../test/support/events';
import { toOutgoingMessage } from './outgoing-message';

describe('toOutgoingMessage', () => {
  it('keys the message by case id on the topic the contracts assign, with the event type in a header', () => {
    const event = caseSubmitted();
    const message = toOutgoingMessage(event);
    expect(message.topic).toBe(TOPICS.caseEvents);
    expect(message.key).toBe(event.caseId);
    expect(message.headers).toEqual({ 'event-type': 'case.submitted', 'event-id': event.eventId, 'schema-version': '1' });
  });

  it('carries the whole envelope as JSON that the consumer side validates back to the same event', () => {
    const event = caseSubmitted();
    expect(parseEnvelope(JSON.parse(toOutgoingMessage(event).value))).toEqual(event);
  });
});
