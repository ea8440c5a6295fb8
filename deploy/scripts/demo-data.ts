/** A demo county (醴陵市, Hunan) with two townships and three villages: 演示数据, not an official roster. */
export const DEMO_AREAS = [
  { code: '430000000000', name: '湖南省', level: 'PROVINCE', parent: null },
  { code: '430200000000', name: '株洲市', level: 'CITY', parent: '430000000000' },
  { code: '430281000000', name: '醴陵市', level: 'COUNTY', parent: '430200000000' },
  { code: '430281101000', name: '东富镇', level: 'TOWNSHIP', parent: '430281000000' },
  { code: '430281102000', name: '白兔潭镇', level: 'TOWNSHIP', parent: '430281000000' },
  { code: '430281101201', name: '新塘村', level: 'VILLAGE', parent: '430281101000' },
  { code: '430281101202', name: '石门村', level: 'VILLAGE', parent: '430281101000' },
  { code: '430281102201', name: '大障村', level: 'VILLAGE', parent: '430281102000' },
] as const;

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
