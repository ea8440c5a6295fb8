import { randomUUID } from 'crypto';
import { createEnvelope, type AnyEnvelope, type DeadlineSubject, type EventPayloads } from '@prp/contracts';
import { DepartmentSummaryService } from '../departments/department-summary/department-summary.service';
import { useProjectionSchema } from './test/projection-schema';
import { ListOverdueService } from '../overdue/list-overdue/list-overdue.service';

const VILLAGE = '450222101201';
type AssistanceKind =
  | 'HELPER_ASSIGNMENT'
  | 'MEASURES_START'
  | 'HELPER_REPLACEMENT'
  | 'QUARTERLY_VISIT'
  | 'MONTHLY_REPORT';

function event<K extends keyof EventPayloads>(type: K, caseId: string, payload: EventPayloads[K], areaCode = VILLAGE) {
  return createEnvelope({ type, eventId: randomUUID(), caseId, areaCode, producer: 'test', payload }) as AnyEnvelope;
}
const overdue = (caseId: string, kind: AssistanceKind, dueDate: string, subject?: DeadlineSubject) =>
  event('deadline.overdue', caseId, {
    kind,
    dueDate,
    dueAt: `${dueDate}T23:59:59.999+08:00`,
    responsibleLevel: kind === 'MONTHLY_REPORT' ? 'COUNTY' : 'TOWNSHIP',
    escalatedTo: kind === 'MONTHLY_REPORT' ? 'CITY' : 'COUNTY',
    workflowId: `assistance-${caseId}`,
    subject,
  });
const assigned = (caseId: string, helperId: string, role: 'PRIMARY' | 'SECOND', assignedOn: string) =>
  event('helper.assigned', caseId, { helperId, role, assignedOn, level: 'TOWNSHIP' });
const unavailable = (caseId: string, helperId: string, since: string) =>
  event('helper.unavailable', caseId, { helperId, reason: 'TRANSFERRED', since });
const visited = (caseId: string, quarter: string, visitedOn: string) =>
  event('visit.recorded', caseId, { visitId: randomUUID(), helperId: 'h1', visitedOn, quarter, newRiskPoints: [] });
const reported = (caseId: string, taskId: string, period: string, reportedOn: string) =>
  event('task.reported', caseId, { taskId, department: 'HEALTH', reportedOn, period });
const missedReport = (caseId: string, taskId: string, period: string, dueDate: string) =>
  overdue(caseId, 'MONTHLY_REPORT', dueDate, { taskId, department: 'HEALTH', period });

describe('assistance overdue items close when the awaited fact arrives (real PostgreSQL)', () => {
  const { apply, dataSource } = useProjectionSchema();

  /** The case's lines on the board (history included): what it is about, and how it closed (null = open). */
  async function lines(caseId: string) {
    const board = await new ListOverdueService(dataSource()).list(
      { area: VILLAGE, include: 'resolved', limit: 500, offset: 0 },
      new Date('2027-01-20T04:00:00Z'),
    );
    return board.items
      .filter((i) => i.caseId === caseId)
      .map((i) => ({
        kind: i.kind,
        subject: i.subject ? Object.values(i.subject).join('/') : '',
        closedBy: i.resolvedByType,
        closedOn: i.resolvedOn,
        open: i.resolvedAt === null,
      }))
      .sort((a, b) => `${a.kind}${a.subject}`.localeCompare(`${b.kind}${b.subject}`));
  }
  const openLines = async (caseId: string) => (await lines(caseId)).filter((l) => l.open);

  it('closes the overdue assignment of the role that was assigned, in either order, once on redelivery', async () => {
    const caseId = randomUUID();
    await apply(overdue(caseId, 'HELPER_ASSIGNMENT', '2026-11-13', { role: 'PRIMARY' }));
    await apply(overdue(caseId, 'HELPER_ASSIGNMENT', '2026-11-13', { role: 'SECOND' }));
    const primary = assigned(caseId, 'h1', 'PRIMARY', '2026-11-16');
    await apply(primary);
    await apply(primary);
    expect(await lines(caseId)).toEqual([
      {
        kind: 'HELPER_ASSIGNMENT',
        subject: 'PRIMARY',
        closedBy: 'helper.assigned',
        closedOn: '2026-11-16',
        open: false,
      },
      { kind: 'HELPER_ASSIGNMENT', subject: 'SECOND', closedBy: null, closedOn: null, open: true },
    ]);

    const later = randomUUID();
    await apply(assigned(later, 'h2', 'PRIMARY', '2026-11-12'));
    await apply(overdue(later, 'HELPER_ASSIGNMENT', '2026-11-11', { role: 'PRIMARY' }));
    expect(await lines(later)).toEqual([
      {
        kind: 'HELPER_ASSIGNMENT',
        subject: 'PRIMARY',
        closedBy: 'helper.assigned',
        closedOn: '2026-11-12',
        open: false,
      },
    ]);
  });

  it('closes the overdue measures start when the first measure starts, in either order', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    await apply(overdue(first, 'MEASURES_START', '2026-11-27', { helperId: 'h1' }));
    expect(await openLines(first)).toHaveLength(1);
    await apply(event('measures.started', first, { startedOn: '2026-12-01' }));
    expect(await openLines(first)).toEqual([]);

    await apply(event('measures.started', second, { startedOn: '2026-11-20' }));
    await apply(overdue(second, 'MEASURES_START', '2026-11-18', { helperId: 'h1' }));
    expect(await lines(second)).toEqual([
      { kind: 'MEASURES_START', subject: 'h1', closedBy: 'measures.started', closedOn: '2026-11-20', open: false },
    ]);
  });

  it('closes the replacement of the helper who was replaced, not of another helper', async () => {
    const caseId = randomUUID();
    await apply(assigned(caseId, 'old', 'PRIMARY', '2026-09-01'));
    await apply(unavailable(caseId, 'old', '2026-10-08'));
    await apply(overdue(caseId, 'HELPER_REPLACEMENT', '2026-10-22', { helperId: 'old', role: 'PRIMARY' }));
    await apply(overdue(caseId, 'HELPER_REPLACEMENT', '2026-10-22', { helperId: 'other', role: 'PRIMARY' }));
    await apply(
      event('helper.replaced', caseId, {
        oldHelperId: 'old',
        helperId: 'new',
        role: 'PRIMARY',
        assignedOn: '2026-10-26',
      }),
    );
    expect(await lines(caseId)).toEqual([
      {
        kind: 'HELPER_REPLACEMENT',
        subject: 'old/PRIMARY',
        closedBy: 'helper.replaced',
        closedOn: '2026-10-26',
        open: false,
      },
      { kind: 'HELPER_REPLACEMENT', subject: 'other/PRIMARY', closedBy: null, closedOn: null, open: true },
    ]);
  });

  it('counts an assignment for the role of an unavailable helper as its replacement, whatever the order', async () => {
    const caseId = randomUUID();
    await apply(assigned(caseId, 'a', 'PRIMARY', '2026-09-01'));
    await apply(unavailable(caseId, 'a', '2026-10-08'));
    await apply(assigned(caseId, 'b', 'PRIMARY', '2026-10-20')); // stands in for a before a's clock ran out
    await apply(overdue(caseId, 'HELPER_REPLACEMENT', '2026-10-22', { helperId: 'a', role: 'PRIMARY' }));
    // b leaves in turn: the earlier assignments (of a, and of b itself) do not replace b.
    await apply(unavailable(caseId, 'b', '2026-11-02'));
    await apply(overdue(caseId, 'HELPER_REPLACEMENT', '2026-11-16', { helperId: 'b', role: 'PRIMARY' }));
    expect(await openLines(caseId)).toEqual([
      expect.objectContaining({ kind: 'HELPER_REPLACEMENT', subject: 'b/PRIMARY' }),
    ]);

    await apply(assigned(caseId, 'c', 'SECOND', '2026-11-18')); // another role replaces nobody
    expect(await openLines(caseId)).toHaveLength(1);
    await apply(assigned(caseId, 'c', 'PRIMARY', '2026-11-19'));
    expect(await lines(caseId)).toEqual([
      {
        kind: 'HELPER_REPLACEMENT',
        subject: 'a/PRIMARY',
        closedBy: 'helper.assigned',
        closedOn: '2026-10-20',
        open: false,
      },
      {
        kind: 'HELPER_REPLACEMENT',
        subject: 'b/PRIMARY',
        closedBy: 'helper.assigned',
        closedOn: '2026-11-19',
        open: false,
      },
    ]);
  });

  it("closes a quarter's missed visit only by a visit for that quarter, in either order", async () => {
    const caseId = randomUUID();
    await apply(visited(caseId, '2026Q3', '2026-09-20'));
    await apply(overdue(caseId, 'QUARTERLY_VISIT', '2026-09-30', { period: '2026Q3' }));
    await apply(overdue(caseId, 'QUARTERLY_VISIT', '2026-12-31', { period: '2026Q4' }));
    expect(await openLines(caseId)).toEqual([expect.objectContaining({ subject: '2026Q4' })]);
    const visit = visited(caseId, '2026Q4', '2027-01-05'); // recorded late, for the quarter it made up
    await apply(visit);
    await apply(visit);
    expect(await lines(caseId)).toEqual([
      { kind: 'QUARTERLY_VISIT', subject: '2026Q3', closedBy: 'visit.recorded', closedOn: '2026-09-20', open: false },
      { kind: 'QUARTERLY_VISIT', subject: '2026Q4', closedBy: 'visit.recorded', closedOn: '2027-01-05', open: false },
    ]);
  });

  it("closes a task's missed monthly report by its report for that month, never another task's or month's", async () => {
    const caseId = randomUUID();
    const [t1, t2] = [randomUUID(), randomUUID()];
    await apply(missedReport(caseId, t1, '2026-09', '2026-09-30'));
    await apply(missedReport(caseId, t1, '2026-10', '2026-10-30'));
    await apply(missedReport(caseId, t2, '2026-10', '2026-10-30'));
    const report = reported(caseId, t1, '2026-10', '2026-11-03');
    await apply(report);
    await apply(report);
    await apply({
      ...report,
      eventId: randomUUID(),
      payload: { ...report.payload, reportedOn: '2026-11-09' },
    } as AnyEnvelope);
    expect(await lines(caseId)).toEqual(
      [
        { kind: 'MONTHLY_REPORT', subject: `${t1}/HEALTH/2026-09`, closedBy: null, closedOn: null, open: true },
        {
          kind: 'MONTHLY_REPORT',
          subject: `${t1}/HEALTH/2026-10`,
          closedBy: 'task.reported',
          closedOn: '2026-11-03',
          open: false,
        },
        { kind: 'MONTHLY_REPORT', subject: `${t2}/HEALTH/2026-10`, closedBy: null, closedOn: null, open: true },
      ].sort((a, b) => a.subject.localeCompare(b.subject)),
    );

    const early = randomUUID();
    await apply(reported(caseId, early, '2026-11', '2026-11-20'));
    await apply(missedReport(caseId, early, '2026-11', '2026-11-30'));
    expect((await lines(caseId)).find((l) => l.subject.startsWith(early))).toMatchObject({
      open: false,
      closedOn: '2026-11-20',
    });
  });

  it('closes the item when its overdue event and its fact are consumed at the same moment', async () => {
    const cases = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(
      cases.flatMap((caseId) => [
        apply(overdue(caseId, 'MEASURES_START', '2026-11-27', { helperId: 'h1' })),
        apply(event('measures.started', caseId, { startedOn: '2026-11-30' })),
      ]),
    );
    const open = await Promise.all(cases.map(async (caseId) => (await openLines(caseId)).length));
    expect(open.filter((n) => n > 0)).toEqual([]);
  });

  it('keeps assistance items open when the inclusion decision is consumed after them', async () => {
    const caseId = randomUUID();
    await apply(overdue(caseId, 'HELPER_ASSIGNMENT', '2026-11-13', { role: 'PRIMARY' }));
    await apply(
      event('case.decided', caseId, {
        outcome: 'INCLUDED',
        decidedAt: '2026-10-30T10:00:00+08:00',
        decidedAtLevel: 'COUNTY_APPROVAL',
        decisionId: randomUUID(),
      }),
    );
    expect(await openLines(caseId)).toEqual([expect.objectContaining({ kind: 'HELPER_ASSIGNMENT' })]);
  });

  it.each([
    [
      'task.completed',
      (caseId: string, taskId: string) =>
        event('task.completed', caseId, { taskId, department: 'HEALTH', completedOn: '2026-11-05' }),
    ],
    [
      'task.rejected',
      (caseId: string, taskId: string) =>
        event('task.rejected', caseId, {
          taskId,
          department: 'HEALTH',
          rejectedOn: '2026-11-05',
          reason: '不符合条件',
        }),
    ],
  ])('a %s task owes no more reports up to that month, in either order', async (type, closed) => {
    const caseId = randomUUID();
    const [task, other] = [randomUUID(), randomUUID()];
    await apply(missedReport(caseId, task, '2026-10', '2026-10-30'));
    await apply(missedReport(caseId, other, '2026-10', '2026-10-30'));
    await apply(closed(caseId, task));
    await apply(missedReport(caseId, task, '2026-11', '2026-11-30')); // arrives after the fact
    await apply(missedReport(caseId, task, '2026-12', '2026-12-31')); // after the task closed: not settled by it
    const byPeriod = Object.fromEntries(
      (await lines(caseId)).map((l) => [
        `${l.subject.startsWith(task) ? 'task' : 'other'} ${l.subject.slice(-7)}`,
        l.closedBy,
      ]),
    );
    expect(byPeriod).toEqual({
      'task 2026-10': type,
      'task 2026-11': type,
      'task 2026-12': null,
      'other 2026-10': null,
    });
  });

  it("sums up a department's tasks in an area: by status, its open overdue reports and which task owes them", async () => {
    const area = '450223105002';
    const caseId = randomUUID();
    const [late, reportedTask, done, elsewhere] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const on = (e: AnyEnvelope) => apply({ ...e, areaCode: area } as AnyEnvelope);
    const created = (taskId: string, department: 'HEALTH' | 'EDUCATION') =>
      on(event('task.created', caseId, { taskId, department, measure: department, createdOn: '2026-10-08' }));
    await created(late, 'HEALTH');
    await created(reportedTask, 'HEALTH');
    await created(done, 'HEALTH');
    await created(elsewhere, 'EDUCATION');
    await on(
      event('task.acknowledged', caseId, { taskId: reportedTask, department: 'HEALTH', acknowledgedOn: '2026-10-09' }),
    );
    await on(missedReport(caseId, late, '2026-10', '2026-10-30'));
    await on(missedReport(caseId, reportedTask, '2026-10', '2026-10-30'));
    await on(reported(caseId, reportedTask, '2026-10', '2026-11-02'));
    await on(event('task.completed', caseId, { taskId: done, department: 'HEALTH', completedOn: '2026-11-03' }));

    const summary = await new DepartmentSummaryService(dataSource()).summary('HEALTH', {
      area: '450223',
      limit: 100,
      offset: 0,
    });
    expect(summary.counts).toEqual([
      { status: 'OPEN', count: 1 },
      { status: 'ACKNOWLEDGED', count: 1 },
      { status: 'COMPLETED', count: 1 },
      { status: 'REJECTED', count: 0 },
    ]);
    expect(summary.overdue).toEqual({ items: 1, tasks: 1 });
    expect(summary.openTotal).toBe(2);
    expect(summary.openTasks).toEqual([
      expect.objectContaining({ taskId: late, status: 'OPEN', overdueReports: 1, lastReportedPeriod: null }),
      expect.objectContaining({
        taskId: reportedTask,
        status: 'ACKNOWLEDGED',
        overdueReports: 0,
        lastReportedPeriod: '2026-10',
      }),
    ]);
  });
});
