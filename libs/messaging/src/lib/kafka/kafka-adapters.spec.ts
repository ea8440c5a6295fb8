import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-logger';
import { toTopicMessages } from './kafka-bus';
import { headersToStrings } from './kafka-subscription';

describe('kafkajs adapters', () => {
  it('routes kafkajs log entries into the service logger as flat JSON objects by severity', () => {
    const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const write = kafkaLogCreator(logger)(logLevel.WARN);
    const log = { timestamp: 't', logger: 'kafkajs', message: 'Connection error', broker: 'b:1' };
    write({ namespace: 'Connection', level: logLevel.ERROR, label: 'ERROR', log });
    write({ namespace: 'Runner', level: logLevel.WARN, label: 'WARN', log });
    write({ namespace: 'Consumer', level: logLevel.INFO, label: 'INFO', log });
    const expected = { msg: 'Connection error', component: 'kafkajs', broker: 'b:1' };
    expect(logger.error).toHaveBeenCalledWith({ ...expected, namespace: 'Connection' });
    expect(logger.warn).toHaveBeenCalledWith({ ...expected, namespace: 'Runner' });
    expect(logger.log).toHaveBeenCalledWith({ ...expected, namespace: 'Consumer' });
    expect(() => JSON.stringify(logger.error.mock.calls[0][0])).not.toThrow();
  });

  it('groups messages per topic and keeps their order within each topic', () => {
    const batches = toTopicMessages([
      { topic: 'a', key: 'k1', value: '1' },
      { topic: 'b', key: 'k1', value: '2', headers: { h: 'x' } },
      { topic: 'a', key: 'k1', value: '3' },
      { topic: 'a', key: null, value: '4', headers: {} },
    ]);
    expect(batches).toEqual([
      { topic: 'a', messages: [{ key: 'k1', value: '1', headers: {} }, { key: 'k1', value: '3', headers: {} }, { key: null, value: '4', headers: {} }] },
      { topic: 'b', messages: [{ key: 'k1', value: '2', headers: { h: 'x' } }] },
    ]);
  });

  it('reads Kafka header buffers as strings', () => {
    expect(headersToStrings({ a: Buffer.from('x'), b: 'y', c: [Buffer.from('z'), 'w'], d: undefined })).toEqual({ a: 'x', b: 'y', c: 'z' });
    expect(headersToStrings(undefined)).toEqual({});
  });
});
