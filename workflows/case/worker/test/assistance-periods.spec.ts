import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, type WorkingDayCalendar } from '@prp/calendar';
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
});
