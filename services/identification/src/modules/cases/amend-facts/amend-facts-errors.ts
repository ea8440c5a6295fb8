import { ConflictException } from '@nestjs/common';

/** The case can no longer take a facts change (decided, merged, or waiting for its duplicate review). */
export class FactsNotAmendableException extends ConflictException {
  constructor(code: string, message: string) {
    super({ code, message });
  }
}

export function decidedCase(caseNo: string, outcome: string): FactsNotAmendableException {
  const verdict = outcome === 'INCLUDED' ? '已审定纳入监测' : '已审定不予纳入';
  return new FactsNotAmendableException(
    'CASE.ALREADY_DECIDED',
    `案件${caseNo}${verdict}，认定程序已结束，不能再变更家庭信息；情况变化请通过动态调整（再评估）或重新申报办理`,
  );
}

export function closedCase(caseNo: string): FactsNotAmendableException {
  return new FactsNotAmendableException('CASE.CLOSED', `案件${caseNo}已合并到其他案件并关闭，不能变更家庭信息`);
}

export function duplicateReviewPending(caseNo: string): FactsNotAmendableException {
  return new FactsNotAmendableException(
    'CASE.DUPLICATE_REVIEW_PENDING',
    `案件${caseNo}为疑似重复提交，待审核（合并或驳回）后才能变更家庭信息`,
  );
}

/** The household's facts were never stored (a case from before intake kept facts): nothing to screen again. */
export function factsMissing(caseNo: string): FactsNotAmendableException {
  return new FactsNotAmendableException(
    'CASE.FACTS_MISSING',
    `案件${caseNo}没有登记家庭信息，无法重新筛查；请先通过家庭信息变更补录完整的家庭信息`,
  );
}

/** Same rule as intake: a person already in another open case is never silently put in a second one. */
export class MemberInOpenCaseException extends ConflictException {
  constructor(position: number, otherCaseNo: string) {
    const field = `household.members.${position}.idCardNumber`;
    const message = `${field}：该成员的身份证号码已在未结案件${otherCaseNo}中，同一人不能同时在两个未结案件中；请核实后处理重复案件`;
    super({
      code: 'CASE.MEMBER_IN_OPEN_CASE',
      message,
      otherCaseNo,
      errors: [{ field, code: 'CASE.MEMBER_IN_OPEN_CASE', message }],
    });
  }
}

export class FactsIdempotencyConflictException extends ConflictException {
  constructor() {
    const message = '该幂等键已用于另一次家庭信息变更，请使用新的幂等键';
    super({
      code: 'CASE.IDEMPOTENCY_CONFLICT',
      message,
      errors: [{ field: 'idempotencyKey', code: 'CASE.IDEMPOTENCY_CONFLICT', message: '幂等键已被不同内容的变更使用' }],
    });
  }
}
