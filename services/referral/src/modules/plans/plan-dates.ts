import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '@prp/service-kit';

/** Stable codes of a refused `agreedOn`. */
export const PLAN_DATE_CODES = {
  inFuture: 'REFERRAL.PLAN_AGREED_IN_FUTURE',
  beforeInclusion: 'REFERRAL.PLAN_AGREED_BEFORE_INCLUSION',
} as const;

/**
 * Why a plan cannot be dated `agreedOn` (field error with a Chinese message), or undefined: not after today
 * (Asia/Shanghai), not before the household's inclusion date when the record knows it (case.decided's
 * decidedAt). Dates are `YYYY-MM-DD`, so they compare as text.
 */
export function agreedOnRefusal(agreedOn: string, today: string, includedOn?: string | null): FieldError | undefined {
  if (agreedOn > today) {
    return {
      field: 'agreedOn',
      code: PLAN_DATE_CODES.inFuture,
      message: `agreedOn：计划确认日期${agreedOn}晚于今天${today}，不能登记尚未确认的帮扶计划`,
    };
  }
  if (includedOn && agreedOn < includedOn) {
    return {
      field: 'agreedOn',
      code: PLAN_DATE_CODES.beforeInclusion,
      message: `agreedOn：计划确认日期${agreedOn}早于该户纳入监测日期${includedOn}`,
    };
  }
  return undefined;
}

/** 400 naming `agreedOn`, with the refusal's stable code at the top as well. */
export class PlanDateException extends BadRequestException {
  constructor(readonly refusal: FieldError) {
    super({ code: refusal.code, message: refusal.message, errors: [refusal] });
  }
}
