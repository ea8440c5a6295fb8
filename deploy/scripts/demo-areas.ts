// The demo administrative tree (演示数据, not an official roster) and the county-level policy variants.
// Codes are 12-digit statistical codes; a village group (村民小组) is its village's code plus a 3-digit
// group number (15 digits). Registered-poor populations (建档立卡人口) are demo figures for the scale check.

type Level = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'VILLAGE_GROUP';
export interface DemoArea {
  code: string;
  name: string;
  level: Level;
  parent: string | null;
  registeredPoorPopulation?: number;
}

export const DEMO_AREAS: readonly DemoArea[] = [
  { code: '430000000000', name: '湖南省', level: 'PROVINCE', parent: null },
  { code: '430200000000', name: '株洲市', level: 'CITY', parent: '430000000000' },
  { code: '430281000000', name: '醴陵市', level: 'COUNTY', parent: '430200000000', registeredPoorPopulation: 38_000 },
  { code: '430281101000', name: '东富镇', level: 'TOWNSHIP', parent: '430281000000' },
  { code: '430281102000', name: '白兔潭镇', level: 'TOWNSHIP', parent: '430281000000' },
  { code: '430281101201', name: '新塘村', level: 'VILLAGE', parent: '430281101000' },
  { code: '430281101202', name: '石门村', level: 'VILLAGE', parent: '430281101000' },
  { code: '430281102201', name: '大障村', level: 'VILLAGE', parent: '430281102000' },
  { code: '430281101201001', name: '新塘村第一村民小组', level: 'VILLAGE_GROUP', parent: '430281101201' },
  { code: '430281101201002', name: '新塘村第二村民小组', level: 'VILLAGE_GROUP', parent: '430281101201' },
  { code: '320000000000', name: '江苏省', level: 'PROVINCE', parent: null },
  { code: '320900000000', name: '盐城市', level: 'CITY', parent: '320000000000' },
  { code: '320981000000', name: '东台市', level: 'COUNTY', parent: '320900000000', registeredPoorPopulation: 21_000 },
  { code: '320981100000', name: '东台镇', level: 'TOWNSHIP', parent: '320981000000' },
  { code: '320981100201', name: '演示村', level: 'VILLAGE', parent: '320981100000' },
];

/** Dongtai (东台) draws its monitoring line at the dibao standard × 12; the standard here is a demo figure. */
export const DEMO_DIBAO_COUNTY = '320981000000';
export const DEMO_DIBAO_POLICY = [
  { key: 'monitoring_line_kind', value: 'DIBAO_STANDARD', source: '东台：监测线按低保标准执行' },
  { key: 'dibao_standard_fen_per_person_month', value: 86_000, source: '演示数据：低保标准860元/人/月' },
] as const;
