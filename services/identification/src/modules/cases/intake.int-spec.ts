import { randomUUID } from 'crypto';
import { BatchIntakeService, CHUNK_SIZE } from './batch-intake/batch-intake.service';
import { householdFacts } from './test/households';
import { OTHER_VILLAGE, startIntakeApp, VILLAGE, type IntakeApp } from './test/intake-app';

const ON = '2026-11-02';
const submission = (serial: number, wageYuan = 12_000, villageCode = VILLAGE) => ({
  villageCode,
  channel: 'CADRE_VISIT',
  discoveredOn: ON,
  discoveredBy: 'clerk-0451',
  household: householdFacts(ON, wageYuan, serial),
});

describe('household intake on real PostgreSQL: single, batch, duplicates, campaigns, list', () => {
  let intake: IntakeApp;
  const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers?: Record<string, string>) => {
    const response = await intake.app.inject({ method, url, payload, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await intake.dataSource.query(sql, params))[0].n);
  const outboxFor = (caseId: string) =>
    count(`SELECT count(*) AS n FROM outbox_message WHERE message_key = $1 AND event_type = 'case.submitted'`, [
      caseId,
    ]);

  beforeAll(async () => {
    intake = await startIntakeApp();
  });
  beforeEach(() => intake.reset());
  afterAll(() => intake?.stop());

  it('stores a low-income household as a suspected case with screening, members protected and one event; replays by key', async () => {
    const key = `key-${randomUUID()}`;
    const body = submission(1);
    const first = await call('POST', '/api/v1/cases', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'SUSPECTED', replayed: false, screening: { qualifies: true } });
    expect(first.body.screening.perCapitaIncomeFen).toBe(400_000);
    expect(first.body.screening.reasons.join('')).toMatch(/[\u4e00-\u9fa5]/);
    expect(first.body.responseDue.dueDate).toBe('2026-11-09');
    const caseId = first.body.caseId;
    const members = await intake.dataSource.query(
      `SELECT * FROM household_member WHERE case_id = $1 ORDER BY position`,
      [caseId],
    );
    expect(members).toHaveLength(3);
    expect(members[0].id_card_masked).toBe(`430281********${body.household.members[0].idCardNumber.slice(14)}`);
    expect(JSON.stringify(members)).not.toContain(body.household.members[0].idCardNumber);
    expect(await outboxFor(caseId)).toBe(1);
    const envelope = (
      await intake.dataSource.query(`SELECT envelope FROM outbox_message WHERE message_key = $1`, [caseId])
    )[0];
    expect(JSON.stringify(envelope)).not.toContain('赵铁柱');

    const again = await call('POST', '/api/v1/cases', body, { 'idempotency-key': key });
    expect(again).toMatchObject({ status: 200, body: { caseId, replayed: true } });
    const other = await call('POST', '/api/v1/cases', submission(2), { 'idempotency-key': key });
    expect(other).toMatchObject({ status: 409, body: { code: 'CASE.IDEMPOTENCY_CONFLICT' } });
    expect(await outboxFor(caseId)).toBe(1);
  });

  it('stores text with tabs, backslashes and JSON escapes verbatim through the batch path', async () => {
    const awkward = { ...submission(40), discoveredBy: '村委\\二组\t"老李"', idempotencyKey: `batch-${randomUUID()}` };
    awkward.household.members[0].name = '赵\\N';
    awkward.household.members[1].name = '\\钱秀英'; // masked as \*** in the facts JSON: an escaped backslash
    const stored = await call('POST', '/api/v1/cases:batch', { records: [awkward] });
    expect(stored.body.verdicts[0]).toMatchObject({ status: 'CREATED' });
    const caseId = stored.body.verdicts[0].caseId;
    const [row] = await intake.dataSource.query(`SELECT discovered_by, head_name FROM household_case WHERE id = $1`, [
      caseId,
    ]);
    expect(row).toEqual({ discovered_by: '村委\\二组\t"老李"', head_name: '赵\\N' });
    const [member] = await intake.dataSource.query(
      `SELECT name FROM household_member WHERE case_id = $1 AND position = 0`,
      [caseId],
    );
    expect(member.name).toBe('赵\\N');
    const [facts] = await intake.dataSource.query(
      `SELECT facts->'members'->1->>'name' AS masked FROM household_case WHERE id = $1`,
      [caseId],
    );
    expect(facts.masked).toBe('\\***');
    const read = await call('GET', `/api/v1/cases/${caseId}`);
    expect(read.body.discoveredBy).toBe('村委\\二组\t"老李"');
  });

  it('a household stored through a batch gets the same case row, member rows and event as through single intake', async () => {
    const stored = async (caseId: string) => {
      const [row] = await intake.dataSource.query(`SELECT * FROM household_case WHERE id = $1`, [caseId]);
      const members = await intake.dataSource.query(
        `SELECT * FROM household_member WHERE case_id = $1 ORDER BY position`,
        [caseId],
      );
      const [event] = await intake.dataSource.query(`SELECT * FROM outbox_message WHERE message_key = $1`, [caseId]);
      const { id: _i, case_no: _n, idempotency_key: _k, created_at: _c, ...caseColumns } = row;
      const memberColumns = members.map(
        ({ case_id: _id, id_card_cipher: cipher, ...rest }: Record<string, unknown>) => ({
          ...rest,
          cipherParts: String(cipher).split('.').length,
        }),
      );
      const { eventId: _e, caseId: _ci, occurredAt: _o, payload, ...envelope } = event.envelope;
      const { caseNo: _cn, ...eventPayload } = payload;
      return { caseColumns, memberColumns, envelope, eventPayload, topic: event.topic, type: event.event_type };
    };
    const body = submission(50);
    const single = await call('POST', '/api/v1/cases', body, { 'idempotency-key': `key-${randomUUID()}` });
    expect(single.body.status).toBe('SUSPECTED');
    const viaSingle = await stored(single.body.caseId);
    await intake.reset();
    const batch = await call('POST', '/api/v1/cases:batch', {
      records: [{ ...body, idempotencyKey: `key-${randomUUID()}` }],
    });
    expect(batch.body.verdicts[0]).toMatchObject({ status: 'CREATED', caseStatus: 'SUSPECTED' });
    const viaBatch = await stored(batch.body.verdicts[0].caseId);
    expect(viaBatch).toEqual(viaSingle);
    expect(viaBatch.memberColumns).toHaveLength(3);
    expect(viaBatch.caseColumns.facts.members[0].name).toBe('赵**');
  });

  it('records a well-off household as screened with no event, and refuses an unknown village naming the field', async () => {
    const rich = await call('POST', '/api/v1/cases', submission(3, 60_000), {
      'idempotency-key': `key-${randomUUID()}`,
    });
    expect(rich.body).toMatchObject({ status: 'SCREENED_OUT' });
    expect(rich.body.responseDue).toBeUndefined();
    expect(await outboxFor(rich.body.caseId)).toBe(0);
    const nowhere = await call('POST', '/api/v1/cases', submission(4, 12_000, '430281199299'), {
      'idempotency-key': `key-${randomUUID()}`,
    });
    expect(nowhere).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'villageCode', code: 'CASE.UNKNOWN_VILLAGE' }] },
    });
  });

  it('a member already in an open case makes a suspected duplicate; merge closes it, dismiss turns it into a case with its event', async () => {
    const original = await call('POST', '/api/v1/cases', submission(5), { 'idempotency-key': `key-${randomUUID()}` });
    const dupA = await call('POST', '/api/v1/cases', submission(5), { 'idempotency-key': `key-${randomUUID()}` });
    const dupB = await call('POST', '/api/v1/cases', submission(5), { 'idempotency-key': `key-${randomUUID()}` });
    expect(dupA.body).toMatchObject({ status: 'DUPLICATE_SUSPECTED', duplicateOf: original.body.caseId });
    expect(await outboxFor(dupA.body.caseId)).toBe(0);
    const pending = await call('GET', '/api/v1/duplicates');
    expect(pending.body.total).toBe(2);
    expect(pending.body.items[0]).toMatchObject({ headName: '赵**', duplicateOf: original.body.caseId });

    const review = { reviewer: 'reviewer-01', reason: '同一户重复录入' };
    const merged = await call('POST', `/api/v1/duplicates/${dupA.body.caseId}/merge`, review);
    expect(merged).toMatchObject({ status: 200, body: { status: 'MERGED', mergedInto: original.body.caseId } });
    expect(merged.body.review).toMatchObject({ decision: 'MERGED', reviewer: 'reviewer-01', reason: '同一户重复录入' });
    expect(await call('POST', `/api/v1/duplicates/${dupA.body.caseId}/merge`, review)).toMatchObject({
      status: 409,
      body: { code: 'DUPLICATE.NOT_PENDING' },
    });
    const dismissed = await call('POST', `/api/v1/duplicates/${dupB.body.caseId}/dismiss`, {
      ...review,
      reason: '同名不同户',
    });
    expect(dismissed.body).toMatchObject({ status: 'SUSPECTED', responseDueDate: '2026-11-09' });
    expect(await outboxFor(dupB.body.caseId)).toBe(1);
    expect((await call('GET', '/api/v1/duplicates')).body.total).toBe(0);
  });

  it('a chunk whose write fails leaves none of its households, members or events; the chunks before it stay', async () => {
    const records = Array.from({ length: CHUNK_SIZE + 5 }, (_, i) => ({
      ...submission(2_000 + i, i % 2 === 0 ? 12_000 : 60_000),
      idempotencyKey: `chunked-${i}`,
    }));
    let chunks = 0;
    const failing = intake.app.get(BatchIntakeService).intake(records, {
      onChunk: async (manager) => {
        await manager.query(`SELECT 1`);
        if (++chunks === 2) throw new Error('写入中断（测试）');
      },
    });
    await expect(failing).rejects.toThrow('写入中断（测试）');
    expect(await count(`SELECT count(*) AS n FROM household_case`)).toBe(CHUNK_SIZE);
    expect(
      await count(`SELECT count(*) AS n FROM household_case WHERE idempotency_key = ANY($1)`, [
        records.slice(CHUNK_SIZE).map((r) => r.idempotencyKey),
      ]),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM household_member`)).toBe(3 * CHUNK_SIZE);
    expect(await count(`SELECT count(*) AS n FROM outbox_message`)).toBe(CHUNK_SIZE / 2);

    const retried = await intake.app.get(BatchIntakeService).intake(records);
    expect(retried.summary).toMatchObject({ total: CHUNK_SIZE + 5, replayed: CHUNK_SIZE, rejected: 0 });
    expect(await count(`SELECT count(*) AS n FROM household_case`)).toBe(CHUNK_SIZE + 5);
  });

  it('a chunk that races another import for an idempotency key is stored again, that household answered per record', async () => {
    const other = intake.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(
      `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
         discovered_by, head_name, member_count, status)
       VALUES ($1, 'JC202699999999', 'raced-key-1', 'another request', $2, 'CADRE_VISIT', $3, 't', '张三', 3, 'SCREENED_OUT')`,
      [randomUUID(), VILLAGE, ON],
    );
    const batch = intake.app.get(BatchIntakeService).intake([
      { ...submission(3_001), idempotencyKey: 'raced-key-1' },
      { ...submission(3_002), idempotencyKey: 'raced-key-2' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the batch's insert now waits on the key
    await other.commitTransaction();
    await other.release();
    const { verdicts } = await batch;
    expect(verdicts.map((v) => [v.idempotencyKey, v.status, v.errors?.[0]?.code])).toEqual([
      ['raced-key-1', 'REJECTED', 'CASE.IDEMPOTENCY_CONFLICT'],
      ['raced-key-2', 'CREATED', undefined],
    ]);
    expect(await count(`SELECT count(*) AS n FROM household_member`)).toBe(3);
  });

  it('a batch reports every record: created, screened out, replayed, duplicate within the batch, rejected with field paths', async () => {
    const records = [
      { ...submission(10), idempotencyKey: 'batch-key-0' },
      { ...submission(11, 60_000), idempotencyKey: 'batch-key-1' },
      { ...submission(10), idempotencyKey: 'batch-key-2' },
      { ...submission(12), idempotencyKey: 'batch-key-3', channel: 'PIGEON' },
      { ...submission(13, 12_000, '430281199299'), idempotencyKey: 'batch-key-4' },
    ];
    const first = await call('POST', '/api/v1/cases:batch', { records });
    expect(first.status).toBe(200);
    expect(first.body.verdicts.map((v: { status: string }) => v.status)).toEqual([
      'CREATED',
      'SCREENED_OUT',
      'DUPLICATE_SUSPECTED',
      'REJECTED',
      'REJECTED',
    ]);
    expect(first.body.verdicts[2].duplicateOf).toBe(first.body.verdicts[0].caseId);
    expect(first.body.verdicts[3].errors).toEqual([expect.objectContaining({ field: 'channel' })]);
    expect(first.body.verdicts[4].errors).toEqual([expect.objectContaining({ code: 'CASE.UNKNOWN_VILLAGE' })]);
    expect(first.body.summary).toMatchObject({
      total: 5,
      created: 1,
      flagged: 1,
      screenedOut: 1,
      duplicateSuspected: 1,
      rejected: 2,
    });
    expect(await count(`SELECT count(*) AS n FROM household_case`)).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM household_member`)).toBe(9);
    expect(await count(`SELECT count(*) AS n FROM outbox_message`)).toBe(1);

    const again = await call('POST', '/api/v1/cases/batch', { records: records.slice(0, 2) });
    expect(again.body.verdicts.map((v: { status: string }) => v.status)).toEqual(['REPLAYED', 'REPLAYED']);
    expect(again.body.verdicts[0].caseId).toBe(first.body.verdicts[0].caseId);
    expect(await count(`SELECT count(*) AS n FROM household_case`)).toBe(3);

    // The replay used up no case numbers: the next household gets the number after the last one stored.
    const caseNumber = (v: { caseNo: string }) => Number(v.caseNo.slice(-8));
    const last = Math.max(...first.body.verdicts.slice(0, 3).map(caseNumber));
    const next = await call('POST', '/api/v1/cases:batch', {
      records: [{ ...submission(14), idempotencyKey: 'batch-key-5' }],
    });
    expect(caseNumber(next.body.verdicts[0])).toBe(last + 1);
  });

  it('a batch record discovered on a day no policy table covers is rejected naming the village; the others are stored', async () => {
    const stale = '2023-05-02';
    const records = [
      { ...submission(20), idempotencyKey: 'no-policy-0' },
      {
        ...submission(21),
        discoveredOn: stale,
        household: householdFacts(stale, 12_000, 21),
        idempotencyKey: 'no-policy-1',
      },
      { ...submission(22), idempotencyKey: 'no-policy-2' },
    ];
    const result = await call('POST', '/api/v1/cases:batch', { records });
    expect(result.status).toBe(200);
    expect(result.body.verdicts.map((v: { status: string }) => v.status)).toEqual(['CREATED', 'REJECTED', 'CREATED']);
    expect(result.body.verdicts[1].errors).toEqual([
      expect.objectContaining({ field: 'villageCode', code: 'POLICY.NOT_FOUND' }),
    ]);
    expect(result.body.verdicts[1].errors[0].message).toMatch(/^villageCode：/);
    expect(await count(`SELECT count(*) AS n FROM household_case`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM household_member`)).toBe(6);

    // The household after the rejected one was stored with its own members' ID numbers, not the rejected one's.
    const rejectedAgain = await call('POST', '/api/v1/cases', submission(21), { 'idempotency-key': 'no-policy-3' });
    expect(rejectedAgain.body.status).toBe('SUSPECTED');
    const lastAgain = await call('POST', '/api/v1/cases', submission(22), { 'idempotency-key': 'no-policy-4' });
    expect(lastAgain.body).toMatchObject({
      status: 'DUPLICATE_SUSPECTED',
      duplicateOf: result.body.verdicts[2].caseId,
    });
  });

  it('a campaign imports its households, counts flagged and rejected ones, and lists them by campaign and area', async () => {
    const created = await call('POST', '/api/v1/campaigns', {
      kind: 'FULL',
      quarter: '2026Q4',
      areaCodes: ['430281000000'],
    });
    expect(created).toMatchObject({ status: 201, body: { progress: { total: 0, status: 'OPEN' } } });
    const id = created.body.id;
    const records = [
      ...Array.from({ length: 1_200 }, (_, i) => ({
        ...submission(100 + i, i % 3 === 0 ? 12_000 : 60_000),
        idempotencyKey: `campaign-${i}`,
      })),
      { ...submission(5_000, 12_000, OTHER_VILLAGE), idempotencyKey: 'campaign-outside' },
    ];
    const imported = await call('POST', `/api/v1/campaigns/${id}/households`, { records });
    expect(imported.body.progress).toEqual({
      total: 1201,
      done: 1201,
      flagged: 400,
      rejected: 1,
      remaining: 0,
      status: 'IMPORTED',
    });
    expect(imported.body.verdicts[1200].errors[0].code).toBe('CAMPAIGN.OUT_OF_AREA');
    expect((await call('GET', `/api/v1/campaigns/${id}`)).body.progress.flagged).toBe(400);

    const list = await call('GET', `/api/v1/cases?campaignId=${id}&status=SUSPECTED&areaCode=430281000000&pageSize=10`);
    expect(list.body.total).toBe(400);
    expect(list.body.items).toHaveLength(10);
    expect(list.body.items[0].headName).toBe('赵**');
    expect((await call('GET', `/api/v1/cases?areaCode=450222000000`)).body.total).toBe(0);
    const detail = await call('GET', `/api/v1/cases/${list.body.items[0].caseId}`);
    expect(detail.body.facts.members[0].idCardNumber).toMatch(/^430281\*{8}/);
    expect(detail.body.facts.members[0].name).toBe('赵**');
  });
});
