import { createHash } from 'crypto';
import { toShanghaiDate } from '@prp/calendar';
import { EVENT_TYPES, type AnyEnvelope } from '@prp/contracts';

/** What a recorded visit feeds back into screening: its new risk points, once each. */
export interface VisitFinding {
  caseId: string;
  visitId: string;
  helperId: string;
  visitedOn: string;
  /** When the risk point counts as observed: the event's instant if it is on the visit day, else that day's start. */
  observedAt: string;
  riskPoints: string[];
}

/** The findings of a `visit.recorded` event, or null for any other event and for a visit without new risk points. */
export function visitFinding(envelope: AnyEnvelope): VisitFinding | null {
  if (envelope.type !== EVENT_TYPES.visitRecorded) return null;
  const visit = envelope.payload;
  const riskPoints = [...new Set(visit.newRiskPoints.map((point) => point.trim()).filter(Boolean))];
  if (riskPoints.length === 0) return null;
  const sameDay = toShanghaiDate(envelope.occurredAt) === visit.visitedOn;
  return {
    caseId: envelope.caseId,
    visitId: visit.visitId,
    helperId: visit.helperId,
    visitedOn: visit.visitedOn,
    observedAt: sameDay ? envelope.occurredAt : `${visit.visitedOn}T00:00:00.000+08:00`,
    riskPoints,
  };
}

/**
 * The ledger id of one risk point found on one visit: a name-based UUID (version 5 layout, SHA-1), so the
 * same finding is ledgered once however often (and under whichever event id) the visit is delivered.
 */
export function visitRiskPointId(caseId: string, visitId: string, riskPoint: string): string {
  const hash = createHash('sha1').update(`visit-risk-point:${caseId}:${visitId}:${riskPoint}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ledger's actor for a visit finding (the ledger's actor column, at most 100 characters). */
export function helperActor(helperId: string): string {
  return `帮扶责任人${helperId}`.slice(0, 100);
}
