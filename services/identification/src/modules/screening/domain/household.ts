import type { LocalDate } from '@prp/calendar';
import type {
  DisabilityGrade,
  ExpenseType,
  GuaranteeKey,
  HealthStatus,
  IncomeType,
  LabourCapacity,
  Relation,
  RiskPoint,
  SchoolingLevel,
} from './vocabulary';
import type { YearMonth } from './year-month';

/** One member of the household (家庭成员). Every listed member counts in the household size. */
export interface HouseholdMember {
  /** 18-character resident identity card number (GB 11643-1999). */
  idCardNumber: string;
  name: string;
  relation: Relation;
  birthDate: LocalDate;
  labourCapacity: LabourCapacity;
  health: HealthStatus;
  disabilityGrade: DisabilityGrade;
  schoolingLevel: SchoolingLevel;
}

/** An income received in one month, in integer fen (分). */
export interface IncomeEntry {
  type: IncomeType;
  month: YearMonth;
  amountFen: number;
}

/** An expenditure or loss in one month, in integer fen (分). */
export interface ExpenseEntry {
  type: ExpenseType;
  month: YearMonth;
  amountFen: number;
}

/** 两不愁三保障 + 饮水安全: true = met. */
export type Guarantees = Record<GuaranteeKey, boolean>;

/** Everything the screening engine needs to know about one household. */
export interface ScreeningHousehold {
  members: HouseholdMember[];
  /** 建档立卡 (档内). */
  registeredPoor: boolean;
  /** 易地扶贫搬迁户. Not used by the screening rules; carried for referral (two helpers). */
  relocated: boolean;
  /** 子女赡养能力充足: the exclusion of policy §2. */
  childrenAbleToSupport: boolean;
  incomes: IncomeEntry[];
  expenses: ExpenseEntry[];
  /** Last year's household income total (上年收入), when known. */
  lastYearIncomeFen?: number;
  riskPoints: RiskPoint[];
  guarantees: Guarantees;
  /** The identification month (认定月份). */
  identificationMonth: YearMonth;
}
