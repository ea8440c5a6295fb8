import { useTreeTestApp, VILLAGE } from './test/tree-test-app';

describe('the area tree API (real PostgreSQL)', () => {
  const { call } = useTreeTestApp();

  it('adds village groups under a village and shows a village with its ancestors and children', async () => {
    const group = { code: `${VILLAGE}001`, name: '第一村民小组', level: 'VILLAGE_GROUP', parentCode: VILLAGE };
    expect(await call('POST', '/api/v1/areas', group)).toMatchObject({ status: 201, body: group });
    const village = await call('GET', `/api/v1/areas/${VILLAGE}`);
    expect(village.body.path.map((a: { name: string }) => a.name)).toEqual(['湖南省', '株洲市', '醴陵市', '东富镇']);
    expect(village.body.children).toEqual([group]);
    expect((await call('GET', `/api/v1/areas?parent=${VILLAGE}`)).body.items).toEqual([group]);
  });

  it('refuses a duplicate code with 409 and an unknown parent with 400 naming parentCode', async () => {
    const twin = { code: VILLAGE, name: '新塘村', level: 'VILLAGE', parentCode: '430281101000' };
    expect(await call('POST', '/api/v1/areas', twin)).toMatchObject({
      status: 409,
      body: { code: 'AREA.ALREADY_EXISTS' },
    });
    const orphan = { code: '430281109201', name: '甲村', level: 'VILLAGE', parentCode: '430281109000' };
    expect(await call('POST', '/api/v1/areas', orphan)).toMatchObject({
      status: 400,
      body: {
        code: 'AREA.PARENT_NOT_FOUND',
        message: '上级区划430281109000不在区划目录中',
        errors: [{ field: 'parentCode' }],
      },
    });
    expect(await call('GET', '/api/v1/areas/430281109201')).toMatchObject({
      status: 404,
      body: { code: 'AREA.NOT_FOUND' },
    });
  });
});
