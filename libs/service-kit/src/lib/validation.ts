import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';

z.config(z.locales.zhCN());

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const CODE_BY_ISSUE: Record<string, string> = {
  invalid_type: 'FIELD.INVALID_TYPE',
  invalid_format: 'FIELD.INVALID_FORMAT',
  invalid_value: 'FIELD.INVALID_VALUE',
  too_small: 'FIELD.TOO_SMALL',
  too_big: 'FIELD.TOO_BIG',
  unrecognized_keys: 'FIELD.UNKNOWN',
  custom: 'FIELD.INVALID',
};

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.') || '(body)';
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  if (missing) return { field, code: 'FIELD.REQUIRED', message: `缺少必填字段 ${field}` };
  const custom = (issue as { params?: { code?: string } }).params?.code;
  return { field, code: custom ?? CODE_BY_ISSUE[issue.code] ?? 'FIELD.INVALID', message: `${field}：${issue.message}` };
}

/** 400 with every offending field, a stable code and a Chinese message. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super({ code: 'REQUEST.VALIDATION_FAILED', message: '请求参数校验失败', errors });
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new RequestValidationException(result.error.issues.map(toFieldError));
  return result.data;
}

/** `@Body(new ZodPipe(Schema))` / `@Query(new ZodPipe(Schema))`. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.infer<S> {
    return parseOrThrow(this.schema, value);
  }
}

/** JSON schema for @ApiBody / @ApiQuery so /docs shows the same schema that validates. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
}
