import { ConflictException, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';

/** Stable codes of the referral service's errors (messages in Chinese, for officials). */
export const REFERRAL_ERROR_CODES = {
  helperNotFound: 'REFERRAL.HELPER_NOT_FOUND',
  recordNotFound: 'REFERRAL.RECORD_NOT_FOUND',
  recordClosed: 'REFERRAL.RECORD_CLOSED',
  helperCannotTake: 'REFERRAL.HELPER_CANNOT_TAKE',
  noHelperFits: 'REFERRAL.NO_HELPER_FITS',
  proposalNotFound: 'REFERRAL.PROPOSAL_NOT_FOUND',
  proposalResolved: 'REFERRAL.PROPOSAL_RESOLVED',
  planConflict: 'REFERRAL.PLAN_CONFLICT',
  taskNotFound: 'REFERRAL.TASK_NOT_FOUND',
  taskForbidden: 'REFERRAL.TASK_FORBIDDEN',
  taskState: 'REFERRAL.TASK_STATE',
  apiKeyInvalid: 'REFERRAL.API_KEY_INVALID',
  departmentForbidden: 'REFERRAL.DEPARTMENT_FORBIDDEN',
  adminForbidden: 'REFERRAL.ADMIN_FORBIDDEN',
  visitHelper: 'REFERRAL.VISIT_HELPER',
} as const;

const E = REFERRAL_ERROR_CODES;

export class HelperNotFoundException extends NotFoundException {
  constructor(helperId: string) {
    super({
      code: E.helperNotFound,
      message: `帮扶责任人不存在：${helperId}`,
      errors: [{ field: 'helperId', code: E.helperNotFound, message: '帮扶责任人不存在' }],
    });
  }
}

export class RecordNotFoundException extends NotFoundException {
  constructor(caseId: string) {
    super({ code: E.recordNotFound, message: `未找到该户的帮扶档案（尚未纳入或尚未同步）：${caseId}` });
  }
}

export class RecordClosedException extends ConflictException {
  constructor(caseId: string) {
    super({ code: E.recordClosed, message: `该户帮扶档案已关闭：${caseId}` });
  }
}

export class HelperCannotTakeException extends ConflictException {
  constructor(helperId: string, reason: string) {
    super({
      code: E.helperCannotTake,
      message: `该帮扶责任人不能承接此户：${reason}`,
      errors: [{ field: 'helperId', code: E.helperCannotTake, message: `${helperId}：${reason}` }],
    });
  }
}

export class ProposalNotFoundException extends NotFoundException {
  constructor(id: string) {
    super({ code: E.proposalNotFound, message: `调整建议不存在：${id}` });
  }
}

export class ProposalResolvedException extends ConflictException {
  constructor(id: string) {
    super({ code: E.proposalResolved, message: `该调整建议已处理（已落实或已撤回），不能再调整：${id}` });
  }
}

export class NoHelperFitsException extends ConflictException {
  constructor() {
    super({
      code: E.noHelperFits,
      message: '没有符合条件的帮扶责任人，请指定 helperId 或先登记干部',
      errors: [{ field: 'helperId', code: E.noHelperFits, message: '没有符合条件的帮扶责任人' }],
    });
  }
}

export class PlanConflictException extends ConflictException {
  constructor(planId: string) {
    super({
      code: E.planConflict,
      message: `帮扶计划编号已用于另一户或内容不同：${planId}`,
      errors: [{ field: 'planId', code: E.planConflict, message: '计划编号冲突' }],
    });
  }
}

export class TaskNotFoundException extends NotFoundException {
  constructor(taskId: string) {
    super({ code: E.taskNotFound, message: `任务不存在：${taskId}` });
  }
}

export class TaskForbiddenException extends ForbiddenException {
  constructor() {
    super({ code: E.taskForbidden, message: '该任务不属于本部门，无权查看或办理' });
  }
}

export class TaskStateException extends ConflictException {
  constructor(taskId: string, status: string, action: string) {
    super({
      code: E.taskState,
      message: `任务${taskId}当前状态为${TASK_STATUS_LABELS[status] ?? status}，不能${action}`,
    });
  }
}

export const TASK_STATUS_LABELS: Record<string, string> = {
  CREATED: '待签收',
  ACKNOWLEDGED: '已签收',
  IN_PROGRESS: '办理中',
  RETURNED: '已退回',
  COMPLETED: '已办结',
};

export class ApiKeyInvalidException extends UnauthorizedException {
  constructor() {
    super({
      code: E.apiKeyInvalid,
      message: '缺少或无效的部门API密钥（请求头 x-api-key）',
      errors: [{ field: 'x-api-key', code: E.apiKeyInvalid, message: 'API密钥无效' }],
    });
  }
}

export class DepartmentForbiddenException extends ForbiddenException {
  constructor(department: string) {
    super({ code: E.departmentForbidden, message: `该API密钥不属于部门 ${department}，无权访问其任务清单` });
  }
}

export class AdminForbiddenException extends ForbiddenException {
  constructor() {
    super({ code: E.adminForbidden, message: '缺少或无效的管理令牌（请求头 x-admin-token），或管理接口未启用' });
  }
}

export class VisitHelperException extends ConflictException {
  constructor(helperId: string) {
    super({
      code: E.visitHelper,
      message: `${helperId} 不是该户当前的帮扶责任人，不能登记走访`,
      errors: [{ field: 'helperId', code: E.visitHelper, message: '不是该户当前的帮扶责任人' }],
    });
  }
}
