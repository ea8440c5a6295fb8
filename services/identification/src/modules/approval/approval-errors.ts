import { ConflictException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';

/** The workflow's update validator refused the step; `reason` is its Chinese explanation. */
export class StepOutOfOrderException extends ConflictException {
  constructor(reason: string) {
    super({ code: 'CASE.STEP_OUT_OF_ORDER', message: reason });
  }
}

export class WorkflowNotStartedException extends ConflictException {
  constructor(caseId: string) {
    super({
      code: 'CASE.WORKFLOW_NOT_STARTED',
      message: `案件${caseId}的认定流程尚未启动（登记后需片刻生效），请稍后重试`,
    });
  }
}

export class WorkflowClosedException extends ConflictException {
  constructor(caseId: string) {
    super({ code: 'CASE.WORKFLOW_CLOSED', message: `案件${caseId}的认定流程已结束，不能再登记环节` });
  }
}

export class TemporalUnavailableException extends ServiceUnavailableException {
  constructor() {
    super({ code: 'WORKFLOW.UNAVAILABLE', message: '流程引擎暂时不可用，本次登记未保存，请稍后重试' });
  }
}

export class DecisionIdConflictException extends ConflictException {
  constructor(decisionId: string) {
    super({
      code: 'CASE.DECISION_ID_CONFLICT',
      message: `决策编号${decisionId}已用于另一项登记，请使用新的编号`,
      errors: [{ field: 'decisionId', code: 'CASE.DECISION_ID_CONFLICT', message: '决策编号已被不同内容的登记使用' }],
    });
  }
}

export class NotBlueWatchException extends ConflictException {
  constructor(caseId: string) {
    super({ code: 'CASE.NOT_BLUE_WATCH', message: `案件${caseId}不是蓝色观察户，风险点升级仅适用于蓝色观察户` });
  }
}

export class NotificationNotFoundException extends NotFoundException {
  constructor(notificationId: string) {
    super({ code: 'NOTIFICATION.NOT_FOUND', message: `告知记录不存在：${notificationId}` });
  }
}
