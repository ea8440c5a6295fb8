import { COUNTY, useTreeTestApp, VILLAGE } from '../areas/test/tree-test-app';

describe('county figures (real PostgreSQL)', () => {
  const { call, addCase } = useTreeTestApp();

  it('counts open cases of the county against 40 registered-poor people and flags 3 of them (7.5% > 5%)', async () => {
    await call('PUT', `/api/v1/counties/${COUNTY}/registered-poor-population`, { registeredPoorPopulation: 40 });
    await addCase(VILLAGE, 'SUSPECTED');
    await addCase(VILLAGE, 'RESPONDED');
    await addCase(VILLAGE, 'SCREENED_OUT');
    await addCase('430223101201', 'SUSPECTED');
    const figures = `/api/v1/counties/${COUNTY}/figures?on=2026-11-20`;
    expect((await call('GET', figures)).body).toMatchObject({
      monitoredHouseholds: 2,
      registeredPoorPopulation: 40,
      ratioBasisPoints: 500,
      warning: false,
    });
    await addCase(VILLAGE, 'BLUE_WATCH');
    expect((await call('GET', figures)).body).toEqual({
      countyCode: COUNTY,
      monitoredHouseholds: 3,
      registeredPoorPopulation: 40,
      ratioBasisPoints: 750,
      thresholdBasisPoints: 500,
      warning: true,
      warningText:
        '醴陵市监测户3户，占建档立卡人口40人的7.50%，超过5.00%的监测规模预警线，请县级复核监测对象认定情况（仅作提示，不影响案件办理）',
    });
  });

  it('answers only for a county, and refuses a negative population naming the field', async () => {
    expect((await call('GET', `/api/v1/counties/${VILLAGE}/figures`)).body).toMatchObject({
      code: 'AREA.NOT_A_COUNTY',
    });
    const negative = await call('PUT', `/api/v1/counties/${COUNTY}/registered-poor-population`, {
      registeredPoorPopulation: -1,
    });
    expect(negative).toMatchObject({ status: 400, body: { errors: [{ field: 'registeredPoorPopulation' }] } });
  });
});
