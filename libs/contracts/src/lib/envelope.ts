import { z } from 'zod';
import { AreaCodeSchema, InstantSchema } from './primitives';

/** Fields every event and command carries, whatever its type. */
export const EnvelopeHeaderSchema = z.object({
  eventId: z.uuid({ message: 'eventId必须为UUID' }),
  type: z.string().min(1),
  caseId: z.uuid({ message: 'caseId必须为UUID' }),
  areaCode: AreaCodeSchema,
  occurredAt: InstantSchema,
  schemaVersion: z.number().int().positive(),
  producer: z.string().min(1),
});

export type EnvelopeHeader = z.infer<typeof EnvelopeHeaderSchema>;

export interface Envelope<TType extends string = string, TPayload = unknown> extends EnvelopeHeader {
  type: TType;
  payload: TPayload;
}
