import { z } from 'zod';
import { parseOrThrow, RequestValidationException } from './validation';

const Schema = z.object({
  villageCode: z.string().regex(/^\d{12}$/),
  household: z.object({ memberCount: z.number().int().min(1), headName: z.string() }),
  channel: z.enum(['CADRE_VISIT', 'OTHER']),
});

function errorsOf(value: unknown) {
  try {
    parseOrThrow(Schema, value);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationException);
    return (error as RequestValidationException).errors;
  }
  throw new Error('expected a validation error');
}

describe('request validation', () => {
  it('names every offending field by its path, with a stable code and a Chinese message', () => {
    const errors = errorsOf({ villageCode: '12', household: { memberCount: 0 }, channel: 'FAX' });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'villageCode', code: 'FIELD.INVALID_FORMAT' }),
        expect.objectContaining({ field: 'household.memberCount', code: 'FIELD.TOO_SMALL' }),
        expect.objectContaining({ field: 'household.headName', code: 'FIELD.REQUIRED', message: '缺少必填字段 household.headName' }),
        expect.objectContaining({ field: 'channel', code: 'FIELD.INVALID_VALUE' }),
      ]),
    );
    expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
  });

  it('answers 400 with the error list in the body', () => {
    const exception = new RequestValidationException([{ field: 'a', code: 'FIELD.REQUIRED', message: '缺少必填字段 a' }]);
    expect(exception.getStatus()).toBe(400);
    expect(exception.getResponse()).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', errors: [{ field: 'a' }] });
  });

  it('returns the parsed value when everything is right', () => {
    const ok = { villageCode: '430281101201', household: { memberCount: 2, headName: '李四' }, channel: 'OTHER' };
    expect(parseOrThrow(Schema, ok)).toEqual(ok);
  });
});
