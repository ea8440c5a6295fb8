/** The demo areas (醴陵市 with village groups, and 东台市 with the dibao-standard line) live in demo-areas.ts. */
export { DEMO_AREAS, DEMO_DIBAO_COUNTY, DEMO_DIBAO_POLICY } from './demo-areas';

/** Policy defaults of shared/domain/policy.md, stored per region and year (amounts in fen). */
export const DEMO_POLICY = [
  { key: 'monitoring_line_fen_per_capita_year', value: 650_000, source: '2021乡镇实施方案：6500元/人/年' },
  { key: 'response_working_days', value: 5, source: '柳州：5个工作日内响应' },
  { key: 'verification_working_days', value: 20, source: '东台：20个工作日内核实认定（不含大数据比对时间）' },
  { key: 'public_notice_working_days', value: 5, source: '公示期（解读：默认5个工作日）' },
  { key: 'helper_assignment_working_days', value: 10, source: '纳入后10个工作日内落实帮扶责任人' },
  { key: 'first_measures_working_days', value: 10, source: '确定责任人后10个工作日内开展帮扶' },
  { key: 'reevaluation_months', value: 6, source: '每6个月重新测算' },
  { key: 'scale_warning_basis_points', value: 500, source: '东台：监测规模不超过建档立卡人口5%' },
] as const;

export const DEMO_COUNTY = '430281000000';

const allGuaranteesMet = {
  food: true,
  clothing: true,
  compulsoryEducation: true,
  basicMedical: true,
  safeHousing: true,
  safeDrinkingWater: true,
};
const person = (idCardNumber: string, name: string, relation: string, extra: Record<string, string> = {}) => ({
  idCardNumber,
  name,
  relation,
  birthDate: `${idCardNumber.slice(6, 10)}-${idCardNumber.slice(10, 12)}-${idCardNumber.slice(12, 14)}`,
  labourCapacity: 'FULL',
  health: 'HEALTHY',
  disabilityGrade: 'NONE',
  schoolingLevel: 'NONE',
  ...extra,
});
/** The month one year before `day`'s month: inside the income window of an identification in `day`'s month. */
const lastYear = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4, 7)}`;

/** Demo households (演示数据, invented people with valid-format ID numbers). */
export function demoHouseholds(daysAgo: (days: number) => string) {
  const [d30, d1, d0] = [daysAgo(30), daysAgo(1), daysAgo(0)];
  return [
    {
      key: 'demo-household-0001',
      body: {
        villageCode: '430281101201',
        channel: 'CADRE_VISIT',
        discoveredOn: d30,
        discoveredBy: '新塘村村委会',
        household: {
          members: [
            person('430281197005120310', '刘建国', 'HEAD'),
            person('430281197208180428', '周美兰', 'SPOUSE', { health: 'CHRONIC_ILLNESS', labourCapacity: 'PARTIAL' }),
            person('43028119980203051X', '刘强', 'CHILD'),
            person('430281200506110625', '刘婷', 'CHILD', { schoolingLevel: 'SENIOR_SECONDARY' }),
          ],
          registeredPoor: true,
          relocated: false,
          incomes: [
            { type: 'WAGE', month: lastYear(d30), amountFen: 1_800_000 },
            { type: 'BASIC_PENSION', month: lastYear(d30), amountFen: 120_000 },
          ],
          expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: lastYear(d30), amountFen: 300_000 }],
          riskPoints: ['ILLNESS'],
          guarantees: allGuaranteesMet,
          childrenAbleToSupport: false,
        },
      },
    },
    {
      key: 'demo-household-0002',
      body: {
        villageCode: '430281101202',
        channel: 'DEPARTMENT_ALERT',
        discoveredOn: d1,
        discoveredBy: '市医保局数据比对',
        household: {
          members: [
            person('43028119550320071X', '陈桂兰', 'HEAD', { health: 'SERIOUS_ILLNESS', labourCapacity: 'NONE' }),
            person('430281195309150827', '李秋菊', 'OTHER'),
          ],
          registeredPoor: false,
          relocated: false,
          incomes: [{ type: 'PRODUCTION', month: lastYear(d1), amountFen: 3_000_000 }],
          expenses: [{ type: 'OUT_OF_POCKET_MEDICAL', month: lastYear(d1), amountFen: 4_200_000 }],
          lastYearIncomeFen: 3_000_000,
          riskPoints: ['ILLNESS', 'LOST_MAIN_LABOURER'],
          guarantees: allGuaranteesMet,
          childrenAbleToSupport: false,
        },
      },
    },
    {
      key: 'demo-household-0003',
      body: {
        villageCode: '430281102201',
        channel: 'SELF_APPLICATION',
        discoveredOn: d0,
        discoveredBy: '农户自主申报',
        household: {
          members: [
            person('430281198201010914', '王小红', 'HEAD'),
            person('430281198407071026', '张丽', 'SPOUSE'),
            person('430281200809091118', '王浩', 'CHILD', { schoolingLevel: 'JUNIOR_SECONDARY' }),
            person('430281201103031222', '王欣', 'CHILD', { schoolingLevel: 'PRIMARY' }),
            person('430281195006061317', '王德贵', 'PARENT', { labourCapacity: 'NONE' }),
          ],
          registeredPoor: false,
          relocated: true,
          incomes: [{ type: 'WAGE', month: lastYear(d0), amountFen: 6_000_000 }],
          expenses: [],
          riskPoints: ['SCHOOLING'],
          guarantees: allGuaranteesMet,
          childrenAbleToSupport: false,
        },
      },
    },
  ];
}
