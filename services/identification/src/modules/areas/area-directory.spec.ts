import type { DataSource } from 'typeorm';
import { AreaDirectory } from './area-directory';
import type { AreaNode } from './area-tree';

const LILING_PATH: AreaNode[] = [
  { code: '430000000000', name: '湖南省', level: 'PROVINCE', parentCode: null },
  { code: '430200000000', name: '株洲市', level: 'CITY', parentCode: '430000000000' },
  { code: '430281000000', name: '醴陵市', level: 'COUNTY', parentCode: '430200000000' },
  { code: '430281101000', name: '东富镇', level: 'TOWNSHIP', parentCode: '430281000000' },
  { code: '430281101201', name: '新塘村', level: 'VILLAGE', parentCode: '430281101000' },
];

function directoryOver(tree: Map<string, AreaNode[]>) {
  const queries: string[] = [];
  const query = async (_sql: string, [code]: string[]) => {
    queries.push(code);
    return tree.get(code) ?? [];
  };
  return { directory: new AreaDirectory({ query } as unknown as DataSource), queries };
}

describe('AreaDirectory', () => {
  it('reads a village’s path once, then answers its level and county from memory', async () => {
    const { directory, queries } = directoryOver(new Map([['430281101201', LILING_PATH]]));
    expect(await directory.levelOf('430281101201')).toBe('VILLAGE');
    expect((await directory.countyOf('430281101201'))?.name).toBe('醴陵市');
    expect((await directory.path('430281101201')).map((a) => a.name)).toEqual([
      '湖南省',
      '株洲市',
      '醴陵市',
      '东富镇',
      '新塘村',
    ]);
    expect(queries).toEqual(['430281101201']);
  });

  it('does not remember an unknown code, so an area added later is found', async () => {
    const tree = new Map<string, AreaNode[]>();
    const { directory, queries } = directoryOver(tree);
    expect(await directory.levelOf('430281101201')).toBeUndefined();
    tree.set('430281101201', LILING_PATH);
    expect(await directory.levelOf('430281101201')).toBe('VILLAGE');
    expect(queries).toEqual(['430281101201', '430281101201']);
  });
});
