import { z } from 'zod';
import { EXPENSE_TYPES, INCOME_TYPES, RISK_POINTS } from '../screening/domain';

const fen = z.number().int().nonnegative({ message: '金额应为非负整数（分）' });
const positiveInt = z.number().int().positive({ message: '应为正整数' });
const basisPoints = z.number().int().min(0).max(1_000_000, { message: '比例应为0至1000000之间的万分比整数' });

/**
 * Every policy parameter the platform reads, with its schema. Values live in `policy_parameter` rows per
 * region, year and effective date; the national defaults of policy.md are rows too (migration 300).
 */
export const POLICY_KEYS = {
  monitoring_line_kind: z.enum(['AMOUNT', 'DIBAO_STANDARD']),
  monitoring_line_fen_per_capita_year: fen,
  dibao_standard_fen_per_person_month: fen,
  national_poverty_standard_fen_per_capita_year: fen,
  yellow_multiplier_basis_points: basisPoints,
  income_window_months: positiveInt.max(36),
  exempt_income_types: z.array(z.enum(INCOME_TYPES)),
  deductible_expense_types: z.array(z.enum(EXPENSE_TYPES)),
  rigid_expense_types: z.array(z.enum(EXPENSE_TYPES)),
  rigid_expenditure_ratio_basis_points: basisPoints,
  collapse_risk_points: z.array(z.enum(RISK_POINTS)),
  red_min_risk_points: positiveInt,
  blue_exposure_risk_points: z.array(z.enum(RISK_POINTS)),
  response_working_days: positiveInt,
  verification_working_days: positiveInt,
  public_notice_working_days: positiveInt,
  county_batch_min_working_days: positiveInt,
  helper_assignment_working_days: positiveInt,
  first_measures_working_days: positiveInt,
  /** Days to replace a helper who became unavailable (policy.md §3 "promptly"; default 10, migration 430). */
  helper_replacement_working_days: positiveInt,
  reevaluation_months: positiveInt,
  scale_warning_basis_points: basisPoints,
} as const;

export type PolicyKey = keyof typeof POLICY_KEYS;
export type PolicyValues = { [K in PolicyKey]?: z.infer<(typeof POLICY_KEYS)[K]> };

/** Body of a new version of a region's table: only known keys, each with its own schema. */
export const PolicyValuesSchema = z
  .object(Object.fromEntries(Object.entries(POLICY_KEYS).map(([key, schema]) => [key, schema.optional()])))
  .strict()
  .refine((values) => Object.keys(values).length > 0, { message: '至少提供一个政策参数' });
