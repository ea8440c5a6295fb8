import { createHash } from 'crypto';
import { maskIdCard } from './pii';
import { maskName } from './mask';
import type { SubmitCaseRequest } from './submit-case/submit-case.dto';

/** The idempotency hash of a submission: SHA-256 of `JSON.stringify(request)` (the validated body, key order kept). */
export function requestHash(request: SubmitCaseRequest): string {
  return hashJson(JSON.stringify(request));
}

function hashJson(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * A submission's idempotency hash (as `requestHash`) and its masked facts as the case row stores them
 * (`JSON.stringify(maskHousehold(request.household))`), from one walk over the request: every value is serialized
 * once and the two texts differ only in each member's name and ID number. Batch intake makes both for every
 * household it stores, and two full serializations took a tenth of its main thread.
 *
 * Exactly what `JSON.stringify` gives for plain validated data (keys in the object's order, undefined values left
 * out); `submission-json.spec.ts` compares them on households with every optional field and awkward characters.
 */
export function submissionJson(request: SubmitCaseRequest): { requestHash: string; facts: string } {
  let text = '{';
  let facts = '';
  for (const key in request) {
    const value = (request as Record<string, unknown>)[key];
    if (value === undefined) continue;
    text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':';
    if (key === 'household') {
      const both = householdJson(value as Record<string, unknown>);
      text += both.plain;
      facts = both.masked;
    } else text += JSON.stringify(value);
  }
  return { requestHash: hashJson(text + '}'), facts };
}

function householdJson(household: Record<string, unknown>): { plain: string; masked: string } {
  let plain = '{';
  let masked = '{';
  for (const key in household) {
    const value = household[key];
    if (value === undefined) continue;
    const name = (plain.length === 1 ? '' : ',') + JSON.stringify(key) + ':';
    if (key === 'members') {
      const members = membersJson(value as Record<string, unknown>[]);
      plain += name + members.plain;
      masked += name + members.masked;
    } else {
      const text = JSON.stringify(value);
      plain += name + text;
      masked += name + text;
    }
  }
  return { plain: plain + '}', masked: masked + '}' };
}

function membersJson(members: Record<string, unknown>[]): { plain: string; masked: string } {
  let plain = '[';
  let masked = '[';
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    plain += i === 0 ? '{' : ',{';
    masked += i === 0 ? '{' : ',{';
    let first = true;
    for (const key in member) {
      const value = member[key];
      if (value === undefined) continue;
      const name = (first ? '' : ',') + JSON.stringify(key) + ':';
      first = false;
      const text = JSON.stringify(value);
      plain += name + text;
      if (key === 'name') masked += name + JSON.stringify(maskName(value as string));
      else if (key === 'idCardNumber') masked += name + JSON.stringify(maskIdCard(value as string));
      else masked += name + text;
    }
    plain += '}';
    masked += '}';
  }
  return { plain: plain + ']', masked: masked + ']' };
}
