import { randomUUID } from 'crypto';
import { createEnvelope, type AnyEnvelope, type EventPayloads } from '@prp/contracts';
import { useProjectionSchema } from './test/projection-schema';
import { ListOverdueService } from '../overdue/list-overdue/list-overdue.service';
import { ListStagesService } from '../stages/list-stages/list-stages.service';

const VILLAGE_A = '450222101201';
const VILLAGE_B = '450223105002';

function event<K extends keyof EventPayloads>(type: K, caseId: string, areaCode: string, payload: EventPayloads[K]) {
  return createEnvelope({ type, eventId: randomUUID(), caseId, areaCode, producer: 'test', payload }) as AnyEnvelope;
}
const submitted = (caseId: string, areaCode: string) =>
  event('case.submitted', caseId, areaCode, {
    caseNo: `JC2026${caseId.slice(0, 8)}`,
    channel: 'CADRE_VISIT',
    discoveredOn: '2026-11-02',
    discoveredBy: 'clerk',
    memberCount: 4,
    householdHeadMasked: '张*',
  });
const overdue = (caseId: string, kind: 'RESPONSE' | 'DETERMINATION', dueDate: string) =>
  event('deadline.overdue', caseId, VILLAGE_A, {
    kind,
    dueDate,
    dueAt: `${dueDate}T23:59:59.999+08:00`,
    responsibleLevel: 'TOWNSHIP',
    escalatedTo: 'COUNTY',
    workflowId: `case-${caseId}`,
  });
const stepRecorded = (caseId: string, areaCode: string, step: string, result: string, resultingStep: string) =>
  event('case.step-recorded', caseId, areaCode, {
    decisionId: randomUUID(),
    step: step as 'RESPONSE',
    result: result as 'DONE',
    actor: 'clerk',
    decidedAt: '2026-11-12T09:00:00+08:00',
    attachmentCount: 0,
    flowVersion: 'liuzhou-2021.v1',
    resultingStep: resultingStep as 'HOME_VERIFICATION',
  });

describe('stage and overdue read models (real PostgreSQL)', () => {
  const { apply, dataSource } = useProjectionSchema();

  const board = (include?: 'resolved') =>
    new ListOverdueService(dataSource()).list(
      { area: VILLAGE_A, limit: 100, offset: 0, include },
      new Date('2026-11-20T04:00:00Z'),
    );
  const stages = (areaCode?: string, step?: 'COUNTY_APPROVAL') =>
    new ListStagesService(dataSource()).list({ areaCode, step, limit: 100, offset: 0 });

  it('closes the overdue response item when the first contact is recorded, and keeps it as history', async () => {
    const caseId = randomUUID();
    await apply(submitted(caseId, VILLAGE_A));
    await apply(overdue(caseId, 'RESPONSE', '2026-11-09'));
    expect((await board()).items).toEqual([
      expect.objectContaining({ caseId, kind: 'RESPONSE', daysOverdue: 11, resolvedAt: null }),
    ]);

    const responded = stepRecorded(caseId, VILLAGE_A, 'RESPONSE', 'DONE', 'HOME_VERIFICATION');
    await apply(responded);
    await apply(responded);
    expect((await board()).total).toBe(0);
    const history = await board('resolved');
    expect(history.items).toEqual([expect.objectContaining({ caseId, resolvedAt: '2026-11-12T01:00:00.000Z' })]);
    expect((await stages(VILLAGE_A)).items).toEqual([
      expect.objectContaining({ caseId, step: 'HOME_VERIFICATION', lastStep: 'RESPONSE' }),
    ]);
  });

  it('stores an overdue event that arrives after its step already resolved', async () => {
    const caseId = randomUUID();
    await apply(submitted(caseId, VILLAGE_A));
    await apply(stepRecorded(caseId, VILLAGE_A, 'TOWNSHIP_RECHECK', 'APPROVED', 'PUBLIC_NOTICE'));
    await apply(overdue(caseId, 'DETERMINATION', '2026-11-10'));
    expect((await board()).items.filter((i) => i.caseId === caseId)).toEqual([]);
    expect((await board('resolved')).items.filter((i) => i.caseId === caseId)).toEqual([
      expect.objectContaining({ kind: 'DETERMINATION', resolvedAt: expect.any(String) }),
    ]);
  });

  it('lists one line per task when two departments miss the same monthly report, and filters by department', async () => {
    const caseId = randomUUID();
    await apply(submitted(caseId, VILLAGE_A));
    const missed = (taskId: string, department: string) =>
      event('deadline.overdue', caseId, VILLAGE_A, {
        kind: 'MONTHLY_REPORT',
        dueDate: '2026-10-30',
        dueAt: '2026-10-30T23:59:59.999+08:00',
        responsibleLevel: 'COUNTY',
        escalatedTo: 'CITY',
        workflowId: `assistance-${caseId}`,
        subject: { taskId, department, period: '2026-10' },
      });
    const health = missed(randomUUID(), 'HEALTH');
    await apply(health);
    await apply({ ...health, eventId: randomUUID() }); // the same miss published twice stays one line
    await apply(missed(randomUUID(), 'EDUCATION'));
    const lines = (await board()).items.filter((i) => i.caseId === caseId);
    expect(lines.map((i) => [i.kind, i.subject?.department, i.daysOverdue]).sort()).toEqual([
      ['MONTHLY_REPORT', 'EDUCATION', 21],
      ['MONTHLY_REPORT', 'HEALTH', 21],
    ]);
    const onlyHealth = await new ListOverdueService(dataSource()).list(
      { area: VILLAGE_A, department: 'HEALTH', limit: 100, offset: 0 },
      new Date('2026-11-20T04:00:00Z'),
    );
    expect(onlyHealth.items.filter((i) => i.caseId === caseId)).toEqual([
      expect.objectContaining({
        kind: 'MONTHLY_REPORT',
        subject: expect.objectContaining({ department: 'HEALTH', period: '2026-10' }),
      }),
    ]);
  });

  it('counts households at each step by area, and an included household leaves the county queue', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await apply(submitted(a, VILLAGE_B));
    await apply(submitted(b, VILLAGE_B));
    await apply(stepRecorded(a, VILLAGE_B, 'PUBLIC_NOTICE', 'PASSED', 'COUNTY_APPROVAL'));
    await apply(stepRecorded(b, VILLAGE_B, 'PUBLIC_NOTICE', 'PASSED', 'COUNTY_APPROVAL'));
    const before = await stages('450223', 'COUNTY_APPROVAL');
    expect(before.total).toBe(2);
    expect(before.counts.find((c) => c.step === 'COUNTY_APPROVAL')?.count).toBe(2);

    await apply(stepRecorded(a, VILLAGE_B, 'COUNTY_APPROVAL', 'APPROVED', 'INCLUDED'));
    await apply(
      event('case.decided', a, VILLAGE_B, {
        outcome: 'INCLUDED',
        decidedAt: '2026-11-30T10:00:00+08:00',
        decidedAtLevel: 'COUNTY_APPROVAL',
        decisionId: randomUUID(),
      }),
    );
    const after = await stages('450223');
    expect(after.counts.filter((c) => c.count > 0)).toEqual([
      { step: 'COUNTY_APPROVAL', count: 1 },
      { step: 'INCLUDED', count: 1 },
    ]);
    expect(after.items.find((i) => i.caseId === a)).toMatchObject({ step: 'INCLUDED', outcome: 'INCLUDED' });
    expect((await stages(VILLAGE_A)).items.some((i) => i.caseId === a)).toBe(false);
  });
});
