import { ConflictException, NotFoundException } from '@nestjs/common';

export class IdempotencyConflictException extends ConflictException {
  constructor() {
    super({
      code: 'CASE.IDEMPOTENCY_CONFLICT',
      message: '该幂等键已用于另一户的提交，请使用新的幂等键',
      errors: [
        { field: 'Idempotency-Key', code: 'CASE.IDEMPOTENCY_CONFLICT', message: '幂等键已被不同内容的请求使用' },
      ],
    });
  }
}

export class CaseNotFoundException extends NotFoundException {
  constructor(caseId: string) {
    super({ code: 'CASE.NOT_FOUND', message: `案件不存在：${caseId}` });
  }
}

const STATUS_LABELS: Record<string, string> = {
  BLUE_WATCH: '蓝色观察户（出现风险点后启动认定程序）',
  SCREENED_OUT: '经筛查不纳入',
  DUPLICATE_SUSPECTED: '疑似重复提交（待审核）',
};

/** Only a suspected case runs the approval chain; watched, screened-out and duplicate submissions do not. */
export class CaseNotInChainException extends ConflictException {
  constructor(caseId: string, status: string) {
    super({
      code: 'CASE.NOT_IN_CHAIN',
      message: `案件${caseId}当前状态为${STATUS_LABELS[status] ?? status}，不能登记认定环节`,
    });
  }
}
