import { ApplicationFailure } from '@temporalio/common';
import type { ClockPolicy, CountWorkingDaysInput, LoadClockPolicyInput } from '@prp/contracts';
import { ASSISTANCE_POLICY_DEFAULTS, type AssistancePolicy, type LoadAssistancePolicyInput } from '@prp/contracts';

export interface HttpDeps {
  identificationUrl: string;
  fetchFn: typeof fetch;
}

interface EffectivePolicyBody {
  regionCode: string;
  year: number;
  version: string | number;
  values: Record<string, unknown>;
  message?: string;
}

const POLICY_KEYS = {
  responseWorkingDays: 'response_working_days',
  verificationWorkingDays: 'verification_working_days',
  publicNoticeWorkingDays: 'public_notice_working_days',
  countyBatchMinWorkingDays: 'county_batch_min_working_days',
} as const;

async function getJson<T>(deps: HttpDeps, path: string, query: Record<string, string>): Promise<{ status: number; body: T }> {
  const url = new URL(path, deps.identificationUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await deps.fetchFn(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as T;
  if (response.status >= 500) throw new Error(`identification answered ${response.status} for ${path}`);
  return { status: response.status, body };
}

/** Clock lengths of the policy table in force for the area on the day (GET /api/v1/policy/effective). */
export async function loadClockPolicy(deps: HttpDeps, input: LoadClockPolicyInput): Promise<ClockPolicy> {
  const { status, body } = await getJson<EffectivePolicyBody>(deps, '/api/v1/policy/effective', { areaCode: input.areaCode, on: input.on });
  if (status === 404) throw ApplicationFailure.nonRetryable(`未找到适用的政策参数表：${body.message ?? ''}`, 'POLICY.NOT_FOUND');
  if (status === 400) throw ApplicationFailure.nonRetryable(`政策查询输入无效：${body.message ?? ''}`, 'CONTRACT.VIOLATION');
  if (status !== 200) throw new Error(`policy service answered ${status}`);
  const days = (key: string): number => {
    const value = body.values?.[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw ApplicationFailure.nonRetryable(`政策参数表缺少或错误的参数${key}`, 'CONTRACT.VIOLATION');
    }
    return value;
  };
  return {
    regionCode: body.regionCode,
    year: body.year,
    version: body.version,
    responseWorkingDays: days(POLICY_KEYS.responseWorkingDays),
    verificationWorkingDays: days(POLICY_KEYS.verificationWorkingDays),
    publicNoticeWorkingDays: days(POLICY_KEYS.publicNoticeWorkingDays),
    countyBatchMinWorkingDays: days(POLICY_KEYS.countyBatchMinWorkingDays),
  };
}

/** Working days d with from < d <= to (GET /api/v1/calendar/working-days). */
export async function countWorkingDays(deps: HttpDeps, input: CountWorkingDaysInput): Promise<number> {
  const { status, body } = await getJson<{ workingDays: number; message?: string }>(deps, '/api/v1/calendar/working-days', { ...input });
  if (status === 400) throw ApplicationFailure.nonRetryable(`日历输入无效：${body.message ?? ''}`, 'CALENDAR.INVALID_INPUT');
  if (status !== 200) throw new Error(`calendar service answered ${status}`);
  return body.workingDays;
}

const ASSISTANCE_POLICY_KEYS = {
  helperAssignmentWorkingDays: 'helper_assignment_working_days',
  measuresStartWorkingDays: 'first_measures_working_days',
  helperReplacementWorkingDays: 'helper_replacement_working_days',
} as const;

/**
 * Assistance clock lengths in force for the area on the day. A key the table lacks (or no table at all)
 * falls back to ASSISTANCE_POLICY_DEFAULTS and is listed in `defaulted`: a long-lived assistance workflow
 * must not fail because a region has not set a value.
 */
export async function loadAssistancePolicy(deps: HttpDeps, input: LoadAssistancePolicyInput): Promise<AssistancePolicy> {
  const { status, body } = await getJson<EffectivePolicyBody>(deps, '/api/v1/policy/effective', { areaCode: input.areaCode, on: input.on });
  if (status === 400) throw ApplicationFailure.nonRetryable(`政策查询输入无效：${body.message ?? ''}`, 'CONTRACT.VIOLATION');
  if (status !== 200 && status !== 404) throw new Error(`policy service answered ${status}`);
  const values = status === 200 ? (body.values ?? {}) : {};
  const defaulted: string[] = [];
  const days = (field: keyof typeof ASSISTANCE_POLICY_KEYS): number => {
    const value = values[ASSISTANCE_POLICY_KEYS[field]];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    defaulted.push(ASSISTANCE_POLICY_KEYS[field]);
    return ASSISTANCE_POLICY_DEFAULTS[field];
  };
  return {
    regionCode: status === 200 ? body.regionCode : '000000000000',
    year: status === 200 ? body.year : Number(input.on.slice(0, 4)),
    version: status === 200 ? body.version : 'defaults',
    helperAssignmentWorkingDays: days('helperAssignmentWorkingDays'),
    measuresStartWorkingDays: days('measuresStartWorkingDays'),
    helperReplacementWorkingDays: days('helperReplacementWorkingDays'),
    defaulted,
  };
}
