import { parseEnvelope, type AnyEnvelope } from '@prp/contracts';
import { MESSAGING_ERROR_CODES, MessagingError } from '../errors';

export type Decoded = { ok: true; envelope: AnyEnvelope } | { ok: false; error: Error };

/** JSON-parses and validates a message body; a failure means a poison message (no retry can fix it). */
export function decodeEnvelope(value: string | null): Decoded {
  if (value === null || value === '') {
    return { ok: false, error: new MessagingError(MESSAGING_ERROR_CODES.emptyMessage, '消息体为空') };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new MessagingError(MESSAGING_ERROR_CODES.invalidJson, `消息不是有效的JSON：${reason}`) };
  }
  try {
    return { ok: true, envelope: parseEnvelope(raw) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
