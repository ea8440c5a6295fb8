import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi';
import { createEnvelope } from './create-envelope';
import { EVENT_DEFINITIONS, EVENT_TYPES } from './events';
import { ALL_TOPICS } from './topics';
import { ContractViolationError, parseEnvelope } from './validation';

const caseId = '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11';
const valid = () =>
  createEnvelope({
    type: EVENT_TYPES.caseSubmitted,
    eventId: 'a6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
    caseId,
    areaCode: '430281101201',
    producer: 'identification',
    payload: {
      caseNo: 'JC-2026-000001',
      channel: 'CADRE_VISIT',
      discoveredOn: '2026-11-20',
      discoveredBy: '村干部张三',
      memberCount: 4,
      householdHeadMasked: '李*',
    },
  });

describe('event contracts', () => {
  it('keeps the committed AsyncAPI document in step with the schemas (regenerate with write-asyncapi.ts)', () => {
    const committed = parse(readFileSync(join(__dirname, '../../asyncapi.yaml'), 'utf8'));
    expect(committed).toEqual(buildAsyncApiDocument());
  });

  it('documents every topic and every event type in the AsyncAPI document', () => {
    const doc = buildAsyncApiDocument() as { channels: Record<string, unknown>; components: { messages: object } };
    expect(Object.keys(doc.channels).sort()).toEqual(ALL_TOPICS.map((t) => t.name).sort());
    expect(Object.keys(doc.components.messages).sort()).toEqual(Object.keys(EVENT_DEFINITIONS).sort());
  });

  it('round-trips a valid event through JSON and validation', () => {
    const event = valid();
    expect(parseEnvelope(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses to produce an event whose payload breaks its schema, naming the field', () => {
    const build = () =>
      createEnvelope({ ...valid(), type: EVENT_TYPES.caseSubmitted, payload: { ...valid().payload, memberCount: 0 } });
    expect(build).toThrow(ContractViolationError);
    expect(build).toThrow(/payload\.memberCount/);
  });

  it.each([
    ['an unknown type', { type: 'case.exploded' }, 'type'],
    ['a bad area code', { areaCode: '4302' }, 'areaCode'],
    ['a non-UUID case id', { caseId: 'abc' }, 'caseId'],
    ['an unsupported schema version', { schemaVersion: 9 }, 'schemaVersion'],
  ])('rejects a consumed message with %s', (_label, patch, path) => {
    const message = { ...valid(), ...patch };
    try {
      parseEnvelope(message);
      throw new Error('expected a contract violation');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolationError);
      expect((error as ContractViolationError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it('rejects garbage that is not an object at all', () => {
    expect(() => parseEnvelope('not json')).toThrow(ContractViolationError);
  });
});
