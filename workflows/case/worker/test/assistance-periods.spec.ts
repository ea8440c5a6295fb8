import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, type WorkingDayCalendar } from '@prp/calendar';
import { assistanceEventSignal, type AssistanceEvent } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { startTimeSkippingEnv } from './workflow-harness';
import {
  assistanceActivities,
  clock,
  createAssistanceWorker,
  event,
  newAssistanceInput,
  send,
  shanghaiToday,
  sleepPast,
  startAssistance,
  stateWhen,
  terminateStarted,
} from './assistance-harness';

jest.setTimeout(180_000);

const monthOf = (date: string) => date.slice(0, 7);
const quarterOf = (date: string) => `${date.slice(0, 4)}Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
const lastDayOfMonth = (period: string) => {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};
const nextMonth = (period: string) => monthOf(addDays(lastDayOfMonth(period), 1));
const lastDayOfQuarter = (quarter: string) =>
  lastDayOfMonth(`${quarter.slice(0, 4)}-${String(Number(quarter.slice(5)) * 3).padStart(2, '0')}`);

const previousMonth = (period: string) => monthOf(addDays(`${period}-01`, -1));

function nextQuarter(quarter: string): string {
  return quarterOf(addDays(lastDayOfQuarter(quarter), 1));
}

/** The month's report day computed independently: its last working day. */
function lastWorkingDay(calendar: WorkingDayCalendar, period: string): string {
  let day = lastDayOfMonth(period);
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

describe('assistance workflow: quarterly visits and monthly reports (time skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
  });
  afterEach(() => terminateStarted());
  afterAll(async () => env?.teardown());

  it('reports a quarter without a visit overdue at its end, continues as new into the next quarter, and a visit there meets it', async () => {
    const { activities, overdue } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'assist-quarter', activities);
    await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const quarter = quarterOf(today);
      const next = nextQuarter(quarter);
      const handle = await startAssistance(env, 'assist-quarter', newAssistanceInput(today));
      const started = await stateWhen(handle, (s) => clock(s, `QUARTERLY_VISIT:${quarter}`) !== undefined);
      const visitClock = clock(started, `QUARTERLY_VISIT:${quarter}`);
      expect(visitClock).toMatchObject({ status: 'RUNNING', dueDate: lastDayOfQuarter(quarter), period: quarter });

      await sleepPast(env, visitClock?.dueAt ?? '');
      await waitFor(() => overdue.some((o) => o.kind === 'QUARTERLY_VISIT'), {
        description: 'the quarterly visit overdue report',
      });
      expect(overdue.filter((o) => o.kind === 'QUARTERLY_VISIT')).toEqual([
        expect.objectContaining({
          dueDate: lastDayOfQuarter(quarter),
          responsibleLevel: 'TOWNSHIP',
          escalatedTo: 'COUNTY',
        }),
      ]);
      const rolled = await stateWhen(
        handle,
        (s) => clock(s, `QUARTERLY_VISIT:${next}`) !== undefined,
        'the next quarter',
      );
      expect(rolled.run).toBeGreaterThan(1); // continued as new, carrying the state
      expect(clock(rolled, `QUARTERLY_VISIT:${quarter}`)?.status).toBe('OVERDUE');
      expect(clock(rolled, `QUARTERLY_VISIT:${next}`)).toMatchObject({
        status: 'RUNNING',
        dueDate: lastDayOfQuarter(next),
      });

      const visitedOn = await shanghaiToday(env);
      const visited = await send(
        handle,
        event('visit.recorded', { visitId: 'v-1', helperId: 'h1', visitedOn, quarter: next }),
        (s) => s.visits.some((v) => v.visitId === 'v-1'),
      );
      expect(clock(visited, `QUARTERLY_VISIT:${next}`)).toMatchObject({ status: 'MET', metOn: visitedOn });
      expect(clock(visited, `QUARTERLY_VISIT:${quarter}`)?.status).toBe('OVERDUE');

      const late = await send(
        handle,
        event('visit.recorded', { visitId: 'v-0', helperId: 'h1', visitedOn, quarter }),
        (s) => s.visits.some((v) => v.visitId === 'v-0'),
      );
      expect(clock(late, `QUARTERLY_VISIT:${quarter}`)).toMatchObject({ status: 'MET_LATE', metOn: visitedOn });
    });
  });

  it('reports an open task without its monthly report overdue for its department, while the reporting task is not', async () => {
    const { activities, overdue, calendar } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'assist-month', activities);
    await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const period = monthOf(today);
      const dueDate = lastWorkingDay(calendar, period);
      expect(today < dueDate).toBe(true); // the tasks owe a report for this month
      const handle = await startAssistance(env, 'assist-month', newAssistanceInput(today));
      await stateWhen(handle, (s) => s.month !== undefined);
      await send(
        handle,
        event('task.created', { taskId: 't-silent', department: 'CIVIL_AFFAIRS', measure: 'DIBAO', createdOn: today }),
        (s) => s.tasks.length === 1,
      );
      const created = await send(
        handle,
        event('task.created', {
          taskId: 't-diligent',
          department: 'HEALTH',
          measure: 'HEALTH_INSURANCE',
          createdOn: today,
        }),
        (s) => s.tasks.length === 2,
      );
      const silentClock = clock(created, `MONTHLY_REPORT:t-silent:${period}`);
      expect(silentClock).toMatchObject({
        status: 'RUNNING',
        dueDate,
        department: 'CIVIL_AFFAIRS',
        responsibleLevel: 'COUNTY',
        escalatedTo: 'CITY',
      });
      const reported = await send(
        handle,
        event('task.reported', { taskId: 't-diligent', department: 'HEALTH', reportedOn: today, period }),
        (s) => clock(s, `MONTHLY_REPORT:t-diligent:${period}`)?.status === 'MET',
      );
      expect(clock(reported, `MONTHLY_REPORT:t-silent:${period}`)?.status).toBe('RUNNING');

      await sleepPast(env, silentClock?.dueAt ?? '');
      await waitFor(() => overdue.some((o) => o.kind === 'MONTHLY_REPORT'), {
        description: 'the monthly report overdue report',
      });
      const missed = await stateWhen(
        handle,
        (s) => clock(s, `MONTHLY_REPORT:t-silent:${period}`)?.status === 'OVERDUE',
      );
      expect(clock(missed, `MONTHLY_REPORT:t-diligent:${period}`)?.status).toBe('MET');
      expect(overdue.filter((o) => o.kind === 'MONTHLY_REPORT')).toEqual([
        expect.objectContaining({ dueDate, responsibleLevel: 'COUNTY', escalatedTo: 'CITY' }),
      ]);

      // The next month both open tasks owe a report again; completing a task settles it.
      const following = nextMonth(period);
      await sleepPast(env, `${lastDayOfMonth(period)}T23:59:59.999+08:00`);
      const nextMonthState = await stateWhen(handle, (s) => s.month?.period === following, 'the next month');
      expect(clock(nextMonthState, `MONTHLY_REPORT:t-silent:${following}`)).toMatchObject({
        status: 'RUNNING',
        startedOn: `${following}-01`,
        dueDate: lastWorkingDay(calendar, following),
      });
      const completedOn = await shanghaiToday(env);
      const completed = await send(
        handle,
        event('task.completed', { taskId: 't-diligent', department: 'HEALTH', completedOn }),
        (s) => s.tasks.find((t) => t.taskId === 't-diligent')?.status === 'COMPLETED',
      );
      expect(clock(completed, `MONTHLY_REPORT:t-diligent:${following}`)).toMatchObject({
        status: 'MET',
        metOn: completedOn,
      });
      const late = await send(
        handle,
        event('task.reported', { taskId: 't-silent', department: 'CIVIL_AFFAIRS', reportedOn: completedOn, period }),
        (s) => clock(s, `MONTHLY_REPORT:t-silent:${period}`)?.status === 'MET_LATE',
      );
      expect(late.tasks.find((t) => t.taskId === 't-silent')?.status).toBe('OPEN');
    });
  });

  it('owes a report for every month since a task was created: last month goes overdue at once when unreported, and is met when its report is already known', async () => {
    const { activities, overdue, calendar } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'assist-past-months', activities);
    await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const current = monthOf(today);
      const last = previousMonth(current);
      const before = previousMonth(last);
      const input = newAssistanceInput(`${before}-01`);
      const { includedOn: _included, ...withoutInclusion } = input;
      // Agreed two months and one month ago, signalled only now; the department of t-reported has reported
      // last month already (its report reaches the workflow together with the task).
      const early: AssistanceEvent[] = [
        event('task.created', { taskId: 't-old', department: 'HEALTH', measure: 'HEALTH', createdOn: `${before}-01` }),
        event('task.created', {
          taskId: 't-silent',
          department: 'EDUCATION',
          measure: 'EDUCATION',
          createdOn: `${last}-01`,
        }),
        event('task.created', {
          taskId: 't-reported',
          department: 'CIVIL_AFFAIRS',
          measure: 'DIBAO',
          createdOn: `${last}-01`,
        }),
        event('task.reported', {
          taskId: 't-reported',
          department: 'CIVIL_AFFAIRS',
          reportedOn: `${last}-02`,
          period: last,
        }),
      ];
      const workflowId = `assistance-${input.caseId}`;
      const [first, ...rest] = early;
      await env.client.workflow.signalWithStart('assistanceWorkflow', {
        workflowId,
        taskQueue: 'assist-past-months',
        args: [withoutInclusion],
        signal: assistanceEventSignal,
        signalArgs: [first],
      });
      for (const sent of rest) await env.client.workflow.getHandle(workflowId).signal(assistanceEventSignal, sent);
      const handle = await startAssistance(env, 'assist-past-months', input);

      const applied = await stateWhen(handle, (s) => s.tasks.length === 3, 'the three tasks');
      // This month's reports are still owed, unless today is already past this month's report day.
      const thisMonth = today <= lastWorkingDay(calendar, current) ? 'RUNNING' : 'OVERDUE';
      const status = (taskId: string, period: string) => clock(applied, `MONTHLY_REPORT:${taskId}:${period}`)?.status;
      expect({
        old: [status('t-old', before), status('t-old', last), status('t-old', current)],
        silent: [status('t-silent', before), status('t-silent', last), status('t-silent', current)],
        reported: [status('t-reported', last), status('t-reported', current)],
      }).toEqual({
        old: ['OVERDUE', 'OVERDUE', thisMonth],
        silent: [undefined, 'OVERDUE', thisMonth],
        reported: ['MET', thisMonth],
      });
      const pastReports = () => overdue.filter((o) => o.kind === 'MONTHLY_REPORT' && o.subject?.period !== current);
      await waitFor(() => pastReports().length >= 3, { description: 'the past months reported overdue' });
      const reports = pastReports();
      expect(
        reports
          .map((o) => o.subject)
          .sort((a, b) => `${a?.taskId}${a?.period}`.localeCompare(`${b?.taskId}${b?.period}`)),
      ).toEqual([
        { taskId: 't-old', department: 'HEALTH', period: before },
        { taskId: 't-old', department: 'HEALTH', period: last },
        { taskId: 't-silent', department: 'EDUCATION', period: last },
      ]);
      for (const o of reports) {
        expect(o).toMatchObject({
          dueDate: lastWorkingDay(calendar, o.subject?.period ?? ''),
          responsibleLevel: 'COUNTY',
          escalatedTo: 'CITY',
        });
      }

      // The silent department catches up: its line is met late, nothing new is reported.
      const late = await send(
        handle,
        event('task.reported', { taskId: 't-silent', department: 'EDUCATION', reportedOn: today, period: last }),
        (s) => clock(s, `MONTHLY_REPORT:t-silent:${last}`)?.status === 'MET_LATE',
      );
      expect(clock(late, `MONTHLY_REPORT:t-silent:${last}`)?.metOn).toBe(today);
      expect(pastReports()).toHaveLength(3);
    });
  });
});
