import { randomUUID } from 'crypto';
import { PolicyService } from '../../policy/policy.service';
import { INCONSISTENT_DERIVATION_NOTE } from '../../screening/domain';
import { householdFacts } from '../test/households';
import { startIntakeApp, VILLAGE, type IntakeApp } from '../test/intake-app';

const ON = '2026-11-02';
const COUNTY = '430281000000';
const submission = (serial: number, wageYuan = 12_000) => ({
  villageCode: VILLAGE,
  channel: 'CADRE_VISIT',
  discoveredOn: ON,
  discoveredBy: 'clerk-0451',
  household: householdFacts(ON, wageYuan, serial),
});

describe('a case stores its screening verdict only; GET re-derives every rule (real PostgreSQL)', () => {
  let intake: IntakeApp;
  const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers?: Record<string, string>) => {
    const response = await intake.app.inject({ method, url, payload, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const submit = (serial: number, key = `key-${randomUUID()}`, wageYuan?: number) =>
    call('POST', '/api/v1/cases', submission(serial, wageYuan), { 'idempotency-key': key });
  const storedRow = async (caseId: string) =>
    (
      await intake.dataSource.query(
        `SELECT screening, pg_column_size(c.*) AS size FROM household_case c WHERE id = $1`,
        [caseId],
      )
    )[0] as { screening: Record<string, unknown>; size: number };

  beforeAll(async () => {
    intake = await startIntakeApp();
  });
  // Policy rows are append-only (the app caches what it read): the one test that adds a version keeps it.
  beforeEach(() => intake.reset());
  afterAll(() => intake?.stop());

  it('stores no rules and a row under 2,000 bytes; GET and a replay return the rules of the intake response', async () => {
    const key = `key-${randomUUID()}`;
    const created = await submit(1, key);
    expect(created).toMatchObject({ status: 201, body: { status: 'SUSPECTED' } });
    expect(created.body.screening.rules).toHaveLength(10);

    const row = await storedRow(created.body.caseId);
    expect(row.screening).not.toHaveProperty('rules');
    expect(row.screening).toMatchObject({ disposition: 'CASE', firedRules: expect.arrayContaining(['BELOW_LINE']) });
    expect(row.size).toBeLessThan(2_000);

    const consistent = { ...created.body.screening, explanation: { derived: true, consistent: true } };
    const detail = await call('GET', `/api/v1/cases/${created.body.caseId}`);
    expect(detail).toMatchObject({ status: 200, body: { id: created.body.caseId, headName: '赵**' } });
    expect(detail.body.screening).toEqual(consistent);
    const replay = await submit(1, key);
    expect(replay).toMatchObject({ status: 200, body: { replayed: true } });
    expect(replay.body.screening).toEqual(consistent);
  });

  it('a batch-imported household is stored as a summary too and explained on GET', async () => {
    const batch = await call('POST', '/api/v1/cases:batch', {
      records: [{ ...submission(2), idempotencyKey: 'get-batch-0' }],
    });
    const caseId = batch.body.verdicts[0].caseId;
    expect((await storedRow(caseId)).screening).not.toHaveProperty('rules');
    const detail = await call('GET', `/api/v1/cases/${caseId}`);
    expect(detail.body.screening.rules.map((r: { rule: string }) => r.rule)).toContain('COLOUR');
    expect(detail.body.screening).toMatchObject({ disposition: 'CASE', explanation: { consistent: true } });
  });

  it('after a new policy version for the county, GET still explains with the version the case was screened with', async () => {
    const created = await submit(3);
    await intake.app.get(PolicyService).addVersion(COUNTY, 2026, '2026-06-01', '醴陵市监测线调整', {
      monitoring_line_fen_per_capita_year: 1_300_000,
    });
    const later = await submit(4);
    expect(later.body.screening.monitoringLineFen).toBe(1_300_000); // the new version is in force for that day

    const detail = await call('GET', `/api/v1/cases/${created.body.caseId}`);
    expect(detail.body.screening.monitoringLineFen).toBe(650_000);
    expect(detail.body.screening.rules).toEqual(created.body.screening.rules);
    expect(detail.body.screening.explanation).toEqual({ derived: true, consistent: true });
  });

  it('keeps the recorded verdict when the rules no longer lead to it, and returns older full results as stored', async () => {
    const created = await submit(5);
    const caseId = created.body.caseId;
    await intake.dataSource.query(
      `UPDATE household_case SET screening = jsonb_set(screening::jsonb, '{perCapitaIncomeFen}', '390000') WHERE id = $1`,
      [caseId],
    );
    const drifted = await call('GET', `/api/v1/cases/${caseId}`);
    expect(drifted.body.screening).toMatchObject({
      perCapitaIncomeFen: 390_000,
      reasons: created.body.screening.reasons,
      rules: created.body.screening.rules,
      explanation: { derived: true, consistent: false, note: INCONSISTENT_DERIVATION_NOTE },
    });

    await intake.dataSource.query(`UPDATE household_case SET screening = $2::jsonb WHERE id = $1`, [
      caseId,
      JSON.stringify(created.body.screening),
    ]);
    expect((await call('GET', `/api/v1/cases/${caseId}`)).body.screening).toEqual(created.body.screening);
  });
});
