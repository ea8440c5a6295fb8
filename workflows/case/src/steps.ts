import type {
  ApprovalStep,
  CaseStep,
  CaseWorkflowState,
  PropertyCheckDepartment,
  StepDecision,
  StepResult,
} from '@prp/contracts';

/** Chinese names of the case steps, used in every refusal an official reads. */
export const CASE_STEP_NAMES: Record<CaseStep, string> = {
  BLUE_WATCH: '蓝色观察',
  AWAITING_RESPONSE: '待响应',
  RESPONDED: '已响应',
  HOME_VERIFICATION: '入户核实',
  PROPERTY_CHECK: '财产检索',
  VILLAGE_REVIEW: '村级评议',
  TOWNSHIP_RECHECK: '乡镇复核',
  PUBLIC_NOTICE: '公示',
  COUNTY_APPROVAL: '县级审定',
  INCLUDED: '已纳入',
  REJECTED: '不予纳入',
};

const { HOME_VERIFICATION, PROPERTY_CHECK, VILLAGE_REVIEW, TOWNSHIP_RECHECK, PUBLIC_NOTICE, COUNTY_APPROVAL } =
  CASE_STEP_NAMES;

/** The steps an official records: named as the case steps they lead through, the first one as the act of responding. */
export const APPROVAL_STEP_NAMES: Record<ApprovalStep, string> = {
  RESPONSE: '响应',
  HOME_VERIFICATION,
  PROPERTY_CHECK,
  VILLAGE_REVIEW,
  TOWNSHIP_RECHECK,
  PUBLIC_NOTICE,
  COUNTY_APPROVAL,
};

const DEPARTMENT_NAMES: Record<PropertyCheckDepartment, string> = {
  CIVIL_AFFAIRS: '民政',
  NATURAL_RESOURCES: '自然资源/不动产登记',
  MARKET_REGULATION: '市场监管',
  PUBLIC_SECURITY: '公安/车辆',
};

/** The approval step a case at `step` expects next (undefined: nothing can be recorded). */
const EXPECTED: Partial<Record<CaseStep, ApprovalStep>> = {
  AWAITING_RESPONSE: 'RESPONSE',
  HOME_VERIFICATION: 'HOME_VERIFICATION',
  PROPERTY_CHECK: 'PROPERTY_CHECK',
  VILLAGE_REVIEW: 'VILLAGE_REVIEW',
  TOWNSHIP_RECHECK: 'TOWNSHIP_RECHECK',
  PUBLIC_NOTICE: 'PUBLIC_NOTICE',
  COUNTY_APPROVAL: 'COUNTY_APPROVAL',
};

/** Results a step accepts. PASSED of the public notice is recorded by the workflow itself when the period ends. */
function allowedResults(state: CaseWorkflowState, step: ApprovalStep): readonly StepResult[] {
  switch (step) {
    case 'RESPONSE':
      return ['DONE'];
    case 'HOME_VERIFICATION':
      return ['DONE', 'REJECTED'];
    case 'PROPERTY_CHECK':
      return state.propertyAnswers === undefined ? ['SENT'] : ['CLEAR', 'FOUND'];
    case 'PUBLIC_NOTICE':
      return ['OBJECTED'];
    default:
      return ['APPROVED', 'REJECTED'];
  }
}

/** Why `decision` cannot be recorded now (Chinese, names the current and the refused step), or undefined. */
export function refusal(state: CaseWorkflowState, decision: StepDecision): string | undefined {
  const refused = APPROVAL_STEP_NAMES[decision.step];
  if (state.outcome) return `案件已办结（${CASE_STEP_NAMES[state.step]}），不能再记录${refused}`;
  if (EXPECTED[state.step] !== decision.step) return `当前环节为${CASE_STEP_NAMES[state.step]}，不能记录${refused}`;
  const allowed = allowedResults(state, decision.step);
  if (!allowed.includes(decision.result)) {
    return `${refused}环节不接受结果${decision.result}，当前可记录的结果：${allowed.join('、')}`;
  }
  if (decision.result === 'REJECTED' && !decision.reason?.trim()) return `${refused}不予通过须填写理由`;
  return decision.step === 'PROPERTY_CHECK' ? departmentRefusal(state, decision) : undefined;
}

function departmentRefusal(state: CaseWorkflowState, decision: StepDecision): string | undefined {
  if (decision.result === 'SENT') return undefined;
  if (!decision.department) return '财产检索回复须注明回复部门';
  if (state.propertyAnswers?.includes(decision.department)) {
    return `${DEPARTMENT_NAMES[decision.department]}已回复本轮财产检索，不能重复回复`;
  }
  return undefined;
}

/**
 * Why the decision's date cannot stand (Chinese), or undefined: steps are recorded in the order they were
 * decided, never before the household was discovered. (A date in the future is refused by the API.)
 */
export function dateRefusal(
  state: CaseWorkflowState,
  decision: StepDecision,
  discoveredOn: string,
): string | undefined {
  const decided = Date.parse(decision.decidedAt);
  if (decided < Date.parse(`${discoveredOn}T00:00:00+08:00`)) {
    return `${APPROVAL_STEP_NAMES[decision.step]}的决定时间早于发现日期${discoveredOn}`;
  }
  const previous = state.decisions?.at(-1);
  if (previous && decided < Date.parse(previous.decidedAt)) {
    return `${APPROVAL_STEP_NAMES[decision.step]}的决定时间早于上一环节（${APPROVAL_STEP_NAMES[previous.step]}，${previous.decidedAt}）`;
  }
  return undefined;
}
