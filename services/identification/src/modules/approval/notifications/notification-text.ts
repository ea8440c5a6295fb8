import type { ApprovalStep, CaseOutcome } from '@prp/contracts';

const STEP_LABELS: Record<ApprovalStep, string> = {
  RESPONSE: '首次响应',
  HOME_VERIFICATION: '入户核实',
  PROPERTY_CHECK: '财产检索',
  VILLAGE_REVIEW: '行政村评议',
  TOWNSHIP_RECHECK: '乡镇复核',
  PUBLIC_NOTICE: '公示',
  COUNTY_APPROVAL: '县级审定',
};

export function stepLabel(step: ApprovalStep): string {
  return STEP_LABELS[step];
}

export interface NotificationFacts {
  caseNo: string;
  outcome: CaseOutcome;
  step: ApprovalStep;
  /** Asia/Shanghai date of the decision, YYYY-MM-DD. */
  decidedOn: string;
  reason?: string;
}

/** What the village committee reads to the household (村委会告知农户), in plain Chinese. */
export function notificationText(facts: NotificationFacts): string {
  const [year, month, day] = facts.decidedOn.split('-').map(Number);
  const date = `${year}年${month}月${day}日`;
  if (facts.outcome === 'INCLUDED') {
    return `您家（案件编号${facts.caseNo}）经${date}县级审定，已纳入防止返贫监测对象。村委会将安排帮扶责任人与您联系，落实帮扶措施。`;
  }
  const reason = facts.reason ? `原因：${facts.reason}。` : '';
  return `您家（案件编号${facts.caseNo}）经${date}${stepLabel(facts.step)}，本次未纳入防止返贫监测对象。${reason}如有异议，可向村委会或乡镇人民政府反映。`;
}
