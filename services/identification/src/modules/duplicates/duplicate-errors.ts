import { ConflictException, NotFoundException } from '@nestjs/common';

export class DuplicateNotFoundException extends NotFoundException {
  constructor(id: string) {
    super({ code: 'DUPLICATE.NOT_FOUND', message: `疑似重复提交不存在：${id}` });
  }
}

export class DuplicateNotPendingException extends ConflictException {
  constructor(id: string, status: string) {
    super({ code: 'DUPLICATE.NOT_PENDING', message: `提交${id}已审核（当前状态${status}），不能重复处理` });
  }
}
