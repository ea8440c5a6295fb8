import type { HttpException } from '@nestjs/common';
import type { AreaNode } from '../area-tree';
import { countyCodeOf } from '../area-tree';
import { checkPlacement } from './check-placement';
import type { CreateAreaRequest } from './create-area.dto';

const township: AreaNode = { code: '430281101000', name: '东富镇', level: 'TOWNSHIP', parentCode: '430281000000' };
const village: AreaNode = { code: '430281101201', name: '新塘村', level: 'VILLAGE', parentCode: township.code };

function refusal(request: CreateAreaRequest, parent: AreaNode | undefined) {
  try {
    checkPlacement(request, parent);
  } catch (error) {
    const body = (error as HttpException).getResponse() as { code: string; errors: { field: string }[] };
    return { status: (error as HttpException).getStatus(), code: body.code, field: body.errors[0].field };
  }
  return undefined;
}

describe('placing a new area in the tree', () => {
  it('accepts a village under its township and a 15-digit group under its village', () => {
    expect(refusal({ code: '430281101203', name: '新村', level: 'VILLAGE', parentCode: township.code }, township)).toBe(
      undefined,
    );
    const group = {
      code: '430281101201003',
      name: '第三组',
      level: 'VILLAGE_GROUP' as const,
      parentCode: village.code,
    };
    expect(refusal(group, village)).toBe(undefined);
  });

  it('refuses an unknown parent, naming parentCode', () => {
    const request = { code: '430281103201', name: '甲村', level: 'VILLAGE' as const, parentCode: '430281103000' };
    expect(refusal(request, undefined)).toEqual({ status: 400, code: 'AREA.PARENT_NOT_FOUND', field: 'parentCode' });
  });

  it('refuses a village group hung directly under a township (two levels down)', () => {
    const request = {
      code: '430281101201004',
      name: '第四组',
      level: 'VILLAGE_GROUP' as const,
      parentCode: township.code,
    };
    expect(refusal(request, township)).toEqual({ status: 400, code: 'AREA.LEVEL_MISMATCH', field: 'level' });
  });

  it('refuses a village whose code does not start with its township code', () => {
    const request = { code: '430281102205', name: '乙村', level: 'VILLAGE' as const, parentCode: township.code };
    expect(refusal(request, township)).toEqual({ status: 400, code: 'AREA.CODE_PREFIX_MISMATCH', field: 'code' });
  });

  it('refuses codes that do not fit the level: a township code for a village, group 000', () => {
    const asVillage = { code: '430281101000', name: '丙村', level: 'VILLAGE' as const, parentCode: township.code };
    expect(refusal(asVillage, township)).toMatchObject({ code: 'AREA.CODE_LEVEL_MISMATCH', field: 'code' });
    const group0 = { code: '430281101201000', name: '零组', level: 'VILLAGE_GROUP' as const, parentCode: village.code };
    expect(refusal(group0, village)).toMatchObject({ code: 'AREA.CODE_LEVEL_MISMATCH' });
  });

  it('requires a parent below province level and none for a province', () => {
    expect(refusal({ code: '430200000000', name: '株洲市', level: 'CITY' }, undefined)).toMatchObject({
      code: 'AREA.PARENT_REQUIRED',
    });
    const province = { code: '430000000000', name: '湖南省', level: 'PROVINCE' as const, parentCode: '000000000000' };
    expect(refusal(province, undefined)).toMatchObject({ code: 'AREA.PARENT_NOT_ALLOWED' });
    expect(refusal({ code: '430000000000', name: '湖南省', level: 'PROVINCE' }, undefined)).toBe(undefined);
  });

  it('finds the county of a village or a village group by prefix', () => {
    expect(countyCodeOf('430281101201')).toBe('430281000000');
    expect(countyCodeOf('430281101201002')).toBe('430281000000');
  });
});
