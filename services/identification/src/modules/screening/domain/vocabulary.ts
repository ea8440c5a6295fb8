/**
 * Closed vocabularies of the screening input (防止返贫监测 household facts). Each list is the single
 * source for both the TypeScript union and the zod enum.
 */

/** Relation to the household head (与户主关系). Exactly one HEAD per household. */
export const RELATIONS = [
  'HEAD',
  'SPOUSE',
  'CHILD',
  'CHILD_IN_LAW',
  'GRANDCHILD',
  'PARENT',
  'GRANDPARENT',
  'SIBLING',
  'OTHER',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Labour capacity (劳动能力): full, partial (弱劳动力/半劳动力), none (无劳动能力). */
export const LABOUR_CAPACITIES = ['FULL', 'PARTIAL', 'NONE'] as const;
export type LabourCapacity = (typeof LABOUR_CAPACITIES)[number];

/** Health (健康状况): healthy, long-term chronic illness (长期慢性病), serious illness (大病). */
export const HEALTH_STATUSES = ['HEALTHY', 'CHRONIC_ILLNESS', 'SERIOUS_ILLNESS'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** Disability grade (残疾等级): none, or grade 1 (most severe) … 4. */
export const DISABILITY_GRADES = ['NONE', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4'] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

/** Current schooling (在校情况); NONE = not in school. */
export const SCHOOLING_LEVELS = [
  'NONE',
  'PRESCHOOL',
  'PRIMARY',
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'SECONDARY_VOCATIONAL',
  'HIGHER_VOCATIONAL',
  'UNDERGRADUATE_OR_ABOVE',
] as const;
export type SchoolingLevel = (typeof SCHOOLING_LEVELS)[number];

/**
 * Income types: wages 工资性, production/business 生产经营性, property 财产性, transfer 转移性,
 * guaranteed dividends of poverty-alleviation projects 扶贫项目保底收益, basic pension 基础养老金, other.
 */
export const INCOME_TYPES = [
  'WAGE',
  'PRODUCTION',
  'PROPERTY',
  'TRANSFER',
  'GUARANTEED_PROJECT_DIVIDEND',
  'BASIC_PENSION',
  'OTHER',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

/** Expense types: out-of-pocket medical 个人自付医疗, education 教育, care 护理, disaster loss 灾害损失, production loss 产业损失. */
export const EXPENSE_TYPES = [
  'OUT_OF_POCKET_MEDICAL',
  'EDUCATION',
  'CARE',
  'DISASTER_LOSS',
  'PRODUCTION_LOSS',
] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

/** Risk points (风险点). */
export const RISK_POINTS = [
  'ILLNESS',
  'SCHOOLING',
  'DISASTER',
  'EPIDEMIC',
  'ACCIDENT',
  'DISABILITY',
  'UNEMPLOYMENT',
  'INCOME_COLLAPSE',
  'LOST_MAIN_LABOURER',
  'LOST_MEANS_OF_PRODUCTION',
  'LOST_HOUSING',
  'OTHER',
] as const;
export type RiskPoint = (typeof RISK_POINTS)[number];

/** 两不愁三保障 + safe drinking water. */
export const GUARANTEE_KEYS = [
  'food',
  'clothing',
  'compulsoryEducation',
  'basicMedical',
  'safeHousing',
  'safeDrinkingWater',
] as const;
export type GuaranteeKey = (typeof GUARANTEE_KEYS)[number];

export const CATEGORIES = ['UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP'] as const;
export type ScreeningCategory = (typeof CATEGORIES)[number];

export const COLOURS = ['RED', 'YELLOW', 'BLUE'] as const;
export type RiskColour = (typeof COLOURS)[number];
