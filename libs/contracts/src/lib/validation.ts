import type { z } from 'zod';
import { EnvelopeHeaderSchema, type Envelope } from './envelope';
import { EVENT_DEFINITIONS, type EventPayloads, type EventType } from './events';

export interface ContractIssue {
  path: string;
  message: string;
}

/** A message that does not match its contract. Stable code for dead-letter records and logs. */
export class ContractViolationError extends Error {
  readonly code = 'CONTRACT.VIOLATION';
  constructor(
    readonly issues: ContractIssue[],
    readonly eventType?: string,
  ) {
    super(`消息不符合契约${eventType ? `（${eventType}）` : ''}：${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

function toIssues(error: z.ZodError, prefix: string): ContractIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_DEFINITIONS, type);
}

export type AnyEnvelope = { [K in EventType]: Envelope<K, EventPayloads[K]> }[EventType];

/** Validates a decoded message on the consuming (or producing) side. Throws ContractViolationError. */
export function parseEnvelope(raw: unknown): AnyEnvelope {
  const header = EnvelopeHeaderSchema.safeParse(raw);
  if (!header.success) throw new ContractViolationError(toIssues(header.error, ''));
  const { type, schemaVersion } = header.data;
  if (!isEventType(type)) throw new ContractViolationError([{ path: 'type', message: `未知事件类型 ${type}` }], type);
  const definition = EVENT_DEFINITIONS[type];
  if (schemaVersion !== definition.schemaVersion) {
    const message = `不支持的版本 ${schemaVersion}（应为 ${definition.schemaVersion}）`;
    throw new ContractViolationError([{ path: 'schemaVersion', message }], type);
  }
  const payload = definition.payload.safeParse((raw as { payload?: unknown }).payload);
  if (!payload.success) throw new ContractViolationError(toIssues(payload.error, 'payload'), type);
  return { ...header.data, type, payload: payload.data } as AnyEnvelope;
}
