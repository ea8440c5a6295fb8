import { ConflictException, NotFoundException } from '@nestjs/common';

export class IdempotencyConflictException extends ConflictException {
  constructor() {
    super({
      code: 'CASE.IDEMPOTENCY_CONFLICT',
      message: '该幂等键已用于另一户的提交，请使用新的幂等键',
      errors: [{ field: 'Idempotency-Key', code: 'CASE.IDEMPOTENCY_CONFLICT', message: '幂等键已被不同内容的请求使用' }],
    });
  }
}

export class CaseNotFoundException extends NotFoundException {
  constructor(caseId: string) {
    super({ code: 'CASE.NOT_FOUND', message: `案件不存在：${caseId}` });
  }
}
