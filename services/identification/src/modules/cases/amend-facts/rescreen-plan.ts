import type { CaseStatus } from '../../../database/household-case.entity';
import { STATUS_BY_DISPOSITION } from '../submit-case/case-writer';
import type { ScreeningResult } from '../../screening/domain';

/** Cases whose facts a clerk may still change: not yet in the chain, or in it and not decided. */
export const PRE_CHAIN_STATUSES: readonly string[] = ['SCREENED_OUT', 'BLUE_WATCH'];
export const IN_CHAIN_STATUSES: readonly string[] = ['SUSPECTED', 'RESPONDED'];

export interface RescreenPlan {
  status: CaseStatus;
  /** Not in the chain before, a suspected case now: it gets a response due date and `case.submitted`. */
  becameSuspected: boolean;
  inApprovalChain: boolean;
  /** In the chain and no longer qualifying: the officials of the chain decide, the clerk is warned. */
  noLongerQualifies: boolean;
  publish: 'case.submitted' | 'case.rescreened' | null;
}

/**
 * What a new screening does to a case. Before the chain the status follows the screening (a household that
 * qualifies now becomes a suspected case; a watched one that no longer shows a BLUE exposure is only recorded);
 * in the chain the status stays: category and colour change, and a case that no longer qualifies is NOT closed.
 */
export function planRescreen(currentStatus: string, screening: ScreeningResult): RescreenPlan {
  if (IN_CHAIN_STATUSES.includes(currentStatus)) {
    return {
      status: currentStatus as CaseStatus,
      becameSuspected: false,
      inApprovalChain: true,
      noLongerQualifies: !screening.qualifies,
      publish: 'case.rescreened',
    };
  }
  const status = STATUS_BY_DISPOSITION[screening.disposition];
  const becameSuspected = status === 'SUSPECTED';
  return {
    status,
    becameSuspected,
    inApprovalChain: false,
    noLongerQualifies: false,
    publish: becameSuspected ? 'case.submitted' : null,
  };
}

/** The Chinese warning a clerk sees on the response and on the case while it stands. */
export function noLongerQualifiesMessage(caseNo: string, screening: ScreeningResult): string {
  const why = screening.reasons.filter((reason) => reason !== '').join('；');
  return (
    `按变更后的家庭信息重新筛查，案件${caseNo}已不符合监测对象纳入条件（${why}）。` +
    '案件不会自动终止，仍在认定程序中，请由认定环节的经办人员核实后作出决定。'
  );
}

/** A one-line Chinese summary of what the change did. */
export function outcomeMessage(caseNo: string, plan: RescreenPlan, dueDate?: string): string {
  if (plan.becameSuspected)
    return `案件${caseNo}按变更后的家庭信息符合纳入条件，已列为疑似监测对象，启动认定程序，首次响应时限${dueDate ?? ''}`;
  if (plan.inApprovalChain && plan.noLongerQualifies)
    return `案件${caseNo}家庭信息已变更，重新筛查后不再符合纳入条件，请注意警示`;
  if (plan.inApprovalChain) return `案件${caseNo}家庭信息已变更并重新筛查，认定程序继续`;
  return `案件${caseNo}家庭信息已变更并重新筛查，当前状态：${STATUS_NAMES[plan.status] ?? plan.status}`;
}

const STATUS_NAMES: Partial<Record<CaseStatus, string>> = {
  SCREENED_OUT: '经筛查不纳入',
  BLUE_WATCH: '蓝色观察户',
  SUSPECTED: '疑似监测对象',
};
