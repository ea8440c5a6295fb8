import { randomUUID } from 'crypto';
import { createEnvelope, type AnyEnvelope } from '@prp/contracts';
import { loadIdentificationConfig } from '../../config/identification.config';
import { helperActor, visitFinding, visitRiskPointId } from './visit-findings';

const caseId = randomUUID();
const visit = (newRiskPoints: string[], occurredAt = '2026-11-10T15:20:00+08:00') =>
  createEnvelope({
    type: 'visit.recorded',
    eventId: randomUUID(),
    caseId,
    areaCode: '450222101201',
    producer: 'referral',
    occurredAt,
    payload: { visitId: 'v-1', helperId: 'h-7', visitedOn: '2026-11-10', quarter: '2026Q4', newRiskPoints },
  }) as AnyEnvelope;

describe('what a recorded visit feeds back into screening', () => {
  it('takes each new risk point once, trimmed, observed at the event instant when it falls on the visit day', () => {
    expect(visitFinding(visit(['因病住院', ' 因病住院 ', '房屋漏雨', '  ']))).toEqual({
      caseId,
      visitId: 'v-1',
      helperId: 'h-7',
      visitedOn: '2026-11-10',
      observedAt: '2026-11-10T15:20:00+08:00',
      riskPoints: ['因病住院', '房屋漏雨'],
    });
  });

  it('dates a visit recorded on a later day at the start of the visit day (Asia/Shanghai)', () => {
    expect(visitFinding(visit(['因病住院'], '2026-11-12T01:00:00Z'))?.observedAt).toBe('2026-11-10T00:00:00.000+08:00');
  });

  it('ignores a visit without new risk points and every other assistance event', () => {
    expect(visitFinding(visit([]))).toBeNull();
    const assigned = createEnvelope({
      type: 'helper.assigned',
      eventId: randomUUID(),
      caseId,
      areaCode: '450222101201',
      producer: 'referral',
      payload: { helperId: 'h-7', role: 'PRIMARY', assignedOn: '2026-11-03', level: 'VILLAGE' },
    }) as AnyEnvelope;
    expect(visitFinding(assigned)).toBeNull();
  });

  it('names one finding with one stable UUID per case, visit and risk point', () => {
    const id = visitRiskPointId(caseId, 'v-1', '因病住院');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(visitRiskPointId(caseId, 'v-1', '因病住院')).toBe(id);
    expect(visitRiskPointId(caseId, 'v-2', '因病住院')).not.toBe(id);
    expect(visitRiskPointId(caseId, 'v-1', '房屋漏雨')).not.toBe(id);
    expect(visitRiskPointId(randomUUID(), 'v-1', '因病住院')).not.toBe(id);
  });

  it('keeps the ledger actor within 100 characters', () => {
    expect(helperActor('h-7')).toBe('帮扶责任人h-7');
    expect(helperActor('x'.repeat(200))).toHaveLength(100);
  });
});

describe('the visit feedback consumer group setting', () => {
  const PII_SECRET = 'x'.repeat(32);

  it('has a default and can be set per deployment', () => {
    expect(loadIdentificationConfig({ PII_SECRET }).IDENTIFICATION_CONSUMER_GROUP).toBe(
      'identification-visit-feedback',
    );
    const e2e = loadIdentificationConfig({ PII_SECRET, IDENTIFICATION_CONSUMER_GROUP: 'identification-e2e' });
    expect(e2e.IDENTIFICATION_CONSUMER_GROUP).toBe('identification-e2e');
  });

  it('refuses an empty group name', () => {
    expect(() => loadIdentificationConfig({ PII_SECRET, IDENTIFICATION_CONSUMER_GROUP: '  ' })).toThrow(
      /IDENTIFICATION_CONSUMER_GROUP/,
    );
  });
});
