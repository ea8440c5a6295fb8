import { randomUUID } from 'crypto';
import { householdFacts } from '../cases/test/households';
import { ADMIN_TOKEN, OTHER_VILLAGE, startIntakeApp, VILLAGE, type IntakeApp } from '../cases/test/intake-app';

const ON = '2026-11-02';
const TOWNSHIP = '430281101000';
const submission = (serial: number, villageCode = VILLAGE) => ({
  villageCode,
  channel: 'CADRE_VISIT',
  discoveredOn: ON,
  discoveredBy: 'clerk-0451',
  household: householdFacts(ON, 12_000, serial),
});

describe('area API keys on every case route (real PostgreSQL)', () => {
  let intake: IntakeApp;
  const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) => {
    const response = await intake.app.inject({ method, url, payload, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const issue = async (areaCode: string, scopes: string[], token = ADMIN_TOKEN) =>
    call('POST', '/api/v1/admin/api-keys', { name: `key ${areaCode}`, areaCode, scopes }, { 'x-admin-token': token });
  const keyOf = async (areaCode: string, scopes: string[]) => {
    const issued = await issue(areaCode, scopes);
    expect(issued.status).toBe(201);
    return issued.body.apiKey as string;
  };
  const submit = (apiKey: string | undefined, serial: number, villageCode = VILLAGE) =>
    call('POST', '/api/v1/cases', submission(serial, villageCode), {
      'idempotency-key': `key-${randomUUID()}`,
      ...(apiKey ? { 'x-api-key': apiKey } : {}),
    });

  beforeAll(async () => {
    intake = await startIntakeApp({ guarded: true });
  });
  beforeEach(() => intake.reset());
  afterAll(() => intake?.stop());

  it('issues a key once, stores only its hash, and refuses issuing without the admin token', async () => {
    const refused = await issue(TOWNSHIP, ['INTAKE'], 'not-the-admin-token-at-all');
    expect(refused).toMatchObject({ status: 403, body: { code: 'AUTH.ADMIN_FORBIDDEN' } });
    const unknownArea = await issue('430281199000', ['INTAKE']);
    expect(unknownArea.status).toBe(400);
    const issued = await issue(TOWNSHIP, ['INTAKE', 'APPROVAL']);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ areaCode: TOWNSHIP, scopes: ['INTAKE', 'APPROVAL'], revokedAt: null });
    const stored = await intake.dataSource.query(`SELECT key_hash FROM api_key`);
    expect(JSON.stringify(stored)).not.toContain(issued.body.apiKey);
  });

  it('answers 401 without a key or with an unknown or revoked one, in Chinese', async () => {
    const missing = await submit(undefined, 1);
    expect(missing).toMatchObject({ status: 401, body: { code: 'AUTH.KEY_REQUIRED' } });
    expect(missing.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await submit('prp_area_made-up', 2)).toMatchObject({ status: 401, body: { code: 'AUTH.KEY_INVALID' } });

    const issued = await issue(TOWNSHIP, ['INTAKE']);
    expect((await submit(issued.body.apiKey, 3)).status).toBe(201);
    const revoked = await call('POST', `/api/v1/admin/api-keys/${issued.body.id}/revoke`, undefined, {
      'x-admin-token': ADMIN_TOKEN,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    expect(await submit(issued.body.apiKey, 4)).toMatchObject({ status: 401, body: { code: 'AUTH.KEY_INVALID' } });
    expect(await intake.dataSource.query(`SELECT id FROM household_case`)).toHaveLength(1);
  });

  it('answers 403 AUTH.SCOPE to a key without the scope, and 403 AUTH.OUTSIDE_AREA for another village', async () => {
    const approvalOnly = await keyOf(TOWNSHIP, ['APPROVAL']);
    expect(await submit(approvalOnly, 1)).toMatchObject({ status: 403, body: { code: 'AUTH.SCOPE' } });
    const township = await keyOf(TOWNSHIP, ['INTAKE']);
    const elsewhere = await submit(township, 2, OTHER_VILLAGE);
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'AUTH.OUTSIDE_AREA', field: 'villageCode' } });
    expect(await intake.dataSource.query(`SELECT id FROM household_case`)).toHaveLength(0);
  });

  it('reads and acts on a case only inside the key area, by the significant prefix', async () => {
    const county = await keyOf('430281000000', ['INTAKE', 'APPROVAL']);
    const caseId = (await submit(county, 1)).body.caseId as string;
    const otherCounty = await keyOf('450222000000', ['INTAKE', 'APPROVAL']);
    const township = await keyOf(TOWNSHIP, ['APPROVAL']);
    await intake.dataSource.query(
      `INSERT INTO area (code, name, level, parent_code) VALUES ('430281102000', '浦口镇', 'TOWNSHIP', '430281000000')`,
    );
    const neighbour = await keyOf('430281102000', ['APPROVAL']);
    expect((await call('GET', `/api/v1/cases/${caseId}`, undefined, { 'x-api-key': township })).status).toBe(200);
    const foreign = await call('GET', `/api/v1/cases/${caseId}`, undefined, { 'x-api-key': otherCounty });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'AUTH.OUTSIDE_AREA' } });
    const respond = (apiKey: string) =>
      call('POST', `/api/v1/cases/${caseId}/response`, { respondedBy: '东富镇干部' }, { 'x-api-key': apiKey });
    expect(await respond(neighbour)).toMatchObject({ status: 403, body: { code: 'AUTH.OUTSIDE_AREA' } });
    expect((await respond(township)).status).toBe(200);
    const unknownCase = await call('GET', `/api/v1/cases/${randomUUID()}`, undefined, { 'x-api-key': township });
    expect(unknownCase.status).toBe(404);
  });

  it('lists only the key area; an area filter outside it is refused', async () => {
    const national = await keyOf('000000000000', ['INTAKE']);
    await submit(national, 1);
    await submit(national, 2, OTHER_VILLAGE);
    const township = await keyOf(TOWNSHIP, ['INTAKE']);
    const list = (query: string, apiKey: string) =>
      call('GET', `/api/v1/cases${query}`, undefined, { 'x-api-key': apiKey });
    const mine = await list('', township);
    expect(mine.body.items.map((i: { areaCode: string }) => i.areaCode)).toEqual([VILLAGE]);
    expect((await list('', national)).body.total).toBe(2);
    expect(await list('?areaCode=450222000000', township)).toMatchObject({
      status: 403,
      body: { code: 'AUTH.OUTSIDE_AREA' },
    });
    expect(await list('?areaCode=430281000000', township)).toMatchObject({ status: 403 });
    expect((await list(`?areaCode=${VILLAGE}`, township)).body.total).toBe(1);
    const duplicates = await call('GET', '/api/v1/duplicates', undefined, { 'x-api-key': township });
    expect(duplicates.status).toBe(200);
  });

  it('stores the batch records inside the key area and reports each one outside it', async () => {
    const township = await keyOf(TOWNSHIP, ['INTAKE']);
    const batch = await call(
      'POST',
      '/api/v1/cases:batch',
      {
        records: [
          { ...submission(1), idempotencyKey: 'batch-key-0' },
          { ...submission(2, OTHER_VILLAGE), idempotencyKey: 'batch-key-1' },
        ],
      },
      { 'x-api-key': township },
    );
    expect(batch.status).toBe(200);
    expect(batch.body.verdicts.map((v: { status: string }) => v.status)).toEqual(['CREATED', 'REJECTED']);
    expect(batch.body.verdicts[1].errors).toEqual([
      expect.objectContaining({ field: 'villageCode', code: 'AUTH.OUTSIDE_AREA' }),
    ]);
    const stored = await intake.dataSource.query(`SELECT area_code FROM household_case`);
    expect(stored).toEqual([{ area_code: VILLAGE }]);
  });

  it('keeps the calendar open and closes a campaign of another county', async () => {
    expect((await call('GET', '/api/v1/calendar/deadline?from=2024-09-27&workingDays=5')).status).toBe(200);
    const county = await keyOf('430281000000', ['INTAKE']);
    const other = await keyOf('450222000000', ['INTAKE']);
    const body = { kind: 'FULL', quarter: '2026Q4', areaCodes: ['430281000000'] };
    expect(await call('POST', '/api/v1/campaigns', body, { 'x-api-key': other })).toMatchObject({
      status: 403,
      body: { code: 'AUTH.OUTSIDE_AREA' },
    });
    const created = await call('POST', '/api/v1/campaigns', body, { 'x-api-key': county });
    expect(created.status).toBe(201);
    const read = await call('GET', `/api/v1/campaigns/${created.body.id}`, undefined, { 'x-api-key': other });
    expect(read).toMatchObject({ status: 403, body: { code: 'AUTH.OUTSIDE_AREA' } });
  });
});
