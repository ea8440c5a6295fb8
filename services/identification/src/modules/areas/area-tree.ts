/** Administrative levels, top down; each area's parent is exactly one level above it. */
export const AREA_TREE_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP'] as const;
export type AreaTreeLevel = (typeof AREA_TREE_LEVELS)[number];

export interface AreaNode {
  code: string;
  name: string;
  level: AreaTreeLevel;
  parentCode: string | null;
}

/**
 * Significant digits of a statistical area code per level: 2 province, 2 city, 2 county, 3 township,
 * 3 village (12 digits, the rest zeros). A village group (村民小组) has no statistical code of its own;
 * its code is the village's 12 digits followed by a 3-digit group number 001–999 (15 digits).
 */
const SIGNIFICANT_DIGITS: Record<AreaTreeLevel, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
  VILLAGE_GROUP: 15,
};

export function parentLevelOf(level: AreaTreeLevel): AreaTreeLevel | undefined {
  return AREA_TREE_LEVELS[AREA_TREE_LEVELS.indexOf(level) - 1];
}

/** The code's length and shape for its level: own digits not all zero, the rest zero (12-digit levels). */
export function codeFitsLevel(code: string, level: AreaTreeLevel): boolean {
  const own = SIGNIFICANT_DIGITS[level];
  const parentLevel = parentLevelOf(level);
  const inherited = parentLevel ? SIGNIFICANT_DIGITS[parentLevel] : 0;
  const length = level === 'VILLAGE_GROUP' ? 15 : 12;
  return (
    new RegExp(`^\\d{${length}}$`).test(code) &&
    /^0*$/.test(code.slice(own)) &&
    !/^0+$/.test(code.slice(inherited, own))
  );
}

/** Whether `code` nests under its parent's code (the parent's significant digits are its prefix). */
export function codeNestsUnder(code: string, parent: AreaNode): boolean {
  const digits = SIGNIFICANT_DIGITS[parent.level];
  return code.slice(0, digits) === parent.code.slice(0, digits);
}

/** The county code of a 12- or 15-digit code by prefix: 430281101201 → 430281000000. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6).padEnd(12, '0');
}
