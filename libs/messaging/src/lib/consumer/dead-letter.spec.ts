import { ContractViolationError, TOPICS } from '@prp/contracts';
import type { MessagingError } from '../errors';
import { buildDeadLetterRecord, describeError, toDeadLetterMessage, type IncomingMessage } from './dead-letter';
import { decodeEnvelope } from './decode';

const incoming: IncomingMessage = {
  topic: TOPICS.caseEvents,
  partition: 3,
  offset: '42',
  key: '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11',
  value: 'not json',
  headers: { 'event-type': 'case.submitted' },
};

describe('dead-letter records', () => {
  it('keeps the original message untouched and says where it came from and why it failed', () => {
    const record = buildDeadLetterRecord(incoming, 'reporting', { code: 'MESSAGING.INVALID_JSON', message: '消息不是有效的JSON' }, new Date('2026-01-02T03:04:05Z'));
    expect(record).toEqual({
      originalTopic: TOPICS.caseEvents,
      partition: 3,
      offset: '42',
      key: incoming.key,
      value: 'not json',
      consumerGroup: 'reporting',
      error: { code: 'MESSAGING.INVALID_JSON', message: '消息不是有效的JSON' },
      failedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('goes to the dead-letter topic under the original key, with the origin in headers', () => {
    const record = buildDeadLetterRecord(incoming, 'reporting', { code: 'X.Y', message: 'm' });
    const message = toDeadLetterMessage(record, incoming.headers);
    expect(message.topic).toBe(TOPICS.deadLetter);
    expect(message.key).toBe(incoming.key);
    expect(JSON.parse(message.value)).toEqual(record);
    expect(message.headers).toEqual({
      'event-type': 'case.submitted',
      'original-topic': TOPICS.caseEvents,
      'original-partition': '3',
      'original-offset': '42',
      'consumer-group': 'reporting',
      'error-code': 'X.Y',
    });
  });

  it('describes a contract violation with its code and issues', () => {
    const error = new ContractViolationError([{ path: 'caseId', message: 'caseId必须为UUID' }], 'case.submitted');
    expect(describeError(error)).toEqual({ code: 'CONTRACT.VIOLATION', message: error.message, issues: [{ path: 'caseId', message: 'caseId必须为UUID' }] });
  });

  it('gives an error without a code the fallback code, and copes with thrown non-errors', () => {
    expect(describeError(new Error('boom'), 'MESSAGING.HANDLER_FAILED')).toEqual({ code: 'MESSAGING.HANDLER_FAILED', message: 'boom' });
    expect(describeError('just a string')).toEqual({ code: 'MESSAGING.HANDLER_FAILED', message: 'just a string' });
  });
});

describe('decodeEnvelope', () => {
  it.each([
    ['text that is not JSON', 'not json', 'MESSAGING.INVALID_JSON'],
    ['an empty body', '', 'MESSAGING.EMPTY_MESSAGE'],
    ['a tombstone (null body)', null, 'MESSAGING.EMPTY_MESSAGE'],
    ['JSON that breaks the contract', JSON.stringify({ type: 'case.submitted', caseId: 'abc' }), 'CONTRACT.VIOLATION'],
  ])('marks %s as poison with a stable code', (_label, value, code) => {
    const decoded = decodeEnvelope(value);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect((decoded.error as MessagingError).code).toBe(code);
  });
});
