import type { ExpenseType, GuaranteeKey, IncomeType, RiskColour, RiskPoint, ScreeningCategory } from './vocabulary';

/** Chinese names used in reasons an official reads. */
export const INCOME_TYPE_LABELS: Record<IncomeType, string> = {
  WAGE: '工资性收入',
  PRODUCTION: '生产经营性收入',
  PROPERTY: '财产性收入',
  TRANSFER: '转移性收入',
  GUARANTEED_PROJECT_DIVIDEND: '扶贫项目保底收益',
  BASIC_PENSION: '基础养老金',
  OTHER: '其他收入',
};

export const EXPENSE_TYPE_LABELS: Record<ExpenseType, string> = {
  OUT_OF_POCKET_MEDICAL: '个人自付医疗费用',
  EDUCATION: '教育支出',
  CARE: '护理支出',
  DISASTER_LOSS: '灾害损失',
  PRODUCTION_LOSS: '产业损失',
};

export const RISK_POINT_LABELS: Record<RiskPoint, string> = {
  ILLNESS: '因病',
  SCHOOLING: '因学',
  DISASTER: '因灾',
  EPIDEMIC: '因疫',
  ACCIDENT: '因意外事故',
  DISABILITY: '因残',
  UNEMPLOYMENT: '因失业',
  INCOME_COLLAPSE: '收入骤减',
  LOST_MAIN_LABOURER: '主要劳动力丧失',
  LOST_MEANS_OF_PRODUCTION: '主要生产资料丧失',
  LOST_HOUSING: '住房丧失',
  OTHER: '其他风险',
};

export const GUARANTEE_LABELS: Record<GuaranteeKey, string> = {
  food: '不愁吃',
  clothing: '不愁穿',
  compulsoryEducation: '义务教育有保障',
  basicMedical: '基本医疗有保障',
  safeHousing: '住房安全有保障',
  safeDrinkingWater: '饮水安全有保障',
};

export const CATEGORY_LABELS: Record<ScreeningCategory, string> = {
  UNSTABLE: '脱贫不稳定户',
  MARGINAL: '边缘易致贫户',
  SUDDEN_HARDSHIP: '突发严重困难户',
};

export const COLOUR_LABELS: Record<RiskColour, string> = { RED: '红色', YELLOW: '黄色', BLUE: '蓝色' };

export function joinLabels<K extends string>(keys: readonly K[], labels: Record<K, string>): string {
  return keys.map((key) => labels[key]).join('、');
}
