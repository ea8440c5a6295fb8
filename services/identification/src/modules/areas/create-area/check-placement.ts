import { AreaRuleException } from '../area-errors';
import { type AreaNode, codeFitsLevel, codeNestsUnder, parentLevelOf } from '../area-tree';
import type { CreateAreaRequest } from './create-area.dto';

const LEVEL_NAMES = {
  PROVINCE: '省',
  CITY: '市',
  COUNTY: '县（区、市）',
  TOWNSHIP: '乡镇（街道）',
  VILLAGE: '行政村（社区）',
  VILLAGE_GROUP: '村民小组',
} as const;

/**
 * Where a new area may go: a province has no parent; every other area hangs under an existing area
 * exactly one level up, and its code extends the parent's significant digits. `parent` is the stored
 * parent (undefined if `parentCode` is unknown). Throws the first rule broken.
 */
export function checkPlacement(request: CreateAreaRequest, parent: AreaNode | undefined): void {
  const { code, level, parentCode } = request;
  const expectedParent = parentLevelOf(level);
  if (!expectedParent && parentCode) {
    throw new AreaRuleException('AREA.PARENT_NOT_ALLOWED', 'parentCode', '省级区划没有上级区划，parentCode应为空');
  }
  if (expectedParent && !parentCode) {
    const message = `${LEVEL_NAMES[level]}必须指定上级${LEVEL_NAMES[expectedParent]}（parentCode）`;
    throw new AreaRuleException('AREA.PARENT_REQUIRED', 'parentCode', message);
  }
  if (expectedParent && !parent) {
    throw new AreaRuleException('AREA.PARENT_NOT_FOUND', 'parentCode', `上级区划${parentCode}不在区划目录中`);
  }
  if (parent && parent.level !== expectedParent) {
    const message = `${LEVEL_NAMES[level]}的上级应为${LEVEL_NAMES[expectedParent ?? 'PROVINCE']}，而${parent.code}（${parent.name}）是${LEVEL_NAMES[parent.level]}`;
    throw new AreaRuleException('AREA.LEVEL_MISMATCH', 'level', message);
  }
  if (!codeFitsLevel(code, level)) {
    throw new AreaRuleException(
      'AREA.CODE_LEVEL_MISMATCH',
      'code',
      `区划代码${code}不符合${LEVEL_NAMES[level]}的编码规则`,
    );
  }
  if (parent && !codeNestsUnder(code, parent)) {
    const message = `区划代码${code}与上级区划${parent.code}（${parent.name}）的代码前缀不一致`;
    throw new AreaRuleException('AREA.CODE_PREFIX_MISMATCH', 'code', message);
  }
  if (request.registeredPoorPopulation !== undefined && level !== 'COUNTY') {
    const message = '建档立卡人口只登记在区县一级';
    throw new AreaRuleException('AREA.POPULATION_NOT_COUNTY', 'registeredPoorPopulation', message);
  }
}
