import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkingDayCalendar } from '@prp/calendar';
import { assistanceEventSignal, CASE_SEARCH_ATTRIBUTES } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { startTimeSkippingEnv } from './workflow-harness';
import {
  assistanceActivities,
  clock,
  createAssistanceWorker,
  DAY,
  event,
  newAssistanceInput,
  send,
  shanghaiToday,
  sleepPast,
  sleepUntilJustBefore,
  startAssistance,
  stateWhen,
  terminateStarted,
} from './assistance-harness';

jest.setTimeout(180_000);

const plain = new WorkingDayCalendar();

describe('assistance workflow: helper clocks (time skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
  });
  afterEach(() => terminateStarted());
  afterAll(async () => env?.teardown());

  it('reports HELPER_ASSIGNMENT overdue after 10 working days counted across a holiday, then marks a late assignment met late', async () => {
    const today = await shanghaiToday(env);
    const holidays = [2, 3].map((n) => ({
      date: plain.addWorkingDays(today, n).dueDate,
      kind: 'HOLIDAY' as const,
      name: '测试假日',
    }));
    const { activities, overdue, calendar } = assistanceActivities(holidays);
    const expectedDue = calendar.addWorkingDays(today, 10).dueDate;
    expect(expectedDue > plain.addWorkingDays(today, 10).dueDate).toBe(true); // the holidays moved the deadline
    const worker = await createAssistanceWorker(env, 'assist-assign-late', activities);
    await worker.runUntil(async () => {
      const handle = await startAssistance(env, 'assist-assign-late', newAssistanceInput(today));
      const started = await stateWhen(handle, (s) => clock(s, 'HELPER_ASSIGNMENT:PRIMARY') !== undefined);
      const assignment = clock(started, 'HELPER_ASSIGNMENT:PRIMARY');
      expect(assignment).toMatchObject({ dueDate: expectedDue, workingDays: 10, status: 'RUNNING' });
      expect(started).toMatchObject({ phase: 'AWAITING_HELPER', withoutHelper: true, householdsWithoutHelper: 1 });

      await sleepUntilJustBefore(env, assignment?.dueAt ?? '');
      expect(overdue.filter((o) => o.kind === 'HELPER_ASSIGNMENT')).toEqual([]);
      await sleepPast(env, assignment?.dueAt ?? '');
      await waitFor(() => overdue.some((o) => o.kind === 'HELPER_ASSIGNMENT'), { description: 'the overdue report' });
      expect(overdue.filter((o) => o.kind === 'HELPER_ASSIGNMENT')).toEqual([
        expect.objectContaining({
          dueDate: expectedDue,
          responsibleLevel: 'TOWNSHIP',
          escalatedTo: 'COUNTY',
          workflowId: `assistance-${started.caseId}`,
        }),
      ]);

      const assignedOn = await shanghaiToday(env);
      const after = await send(
        handle,
        event('helper.assigned', { helperId: 'h-late', role: 'PRIMARY', assignedOn, level: 'TOWNSHIP' }),
        (s) => s.helpers.length === 1,
      );
      expect(clock(after, 'HELPER_ASSIGNMENT:PRIMARY')).toMatchObject({ status: 'MET_LATE', metOn: assignedOn });
      expect(after).toMatchObject({ phase: 'AWAITING_MEASURES', withoutHelper: false, householdsWithoutHelper: 0 });
      expect(clock(after, 'MEASURES_START')).toMatchObject({
        status: 'RUNNING',
        dueDate: calendar.addWorkingDays(assignedOn, 10).dueDate,
      });
    });
  });

  it('meets a 5-working-day region profile in time and starts the measures clock, which measures.started meets', async () => {
    const { activities, overdue, calendar } = assistanceActivities([], 5);
    const worker = await createAssistanceWorker(env, 'assist-in-time', activities);
    await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const handle = await startAssistance(env, 'assist-in-time', newAssistanceInput(today));
      const started = await stateWhen(handle, (s) => clock(s, 'HELPER_ASSIGNMENT:PRIMARY') !== undefined);
      expect(clock(started, 'HELPER_ASSIGNMENT:PRIMARY')).toMatchObject({
        workingDays: 5,
        dueDate: calendar.addWorkingDays(today, 5).dueDate,
      });

      await env.sleep(2 * DAY);
      const assignedOn = await shanghaiToday(env);
      const assigned = await send(
        handle,
        event('helper.assigned', { helperId: 'h1', role: 'PRIMARY', assignedOn, level: 'CITY' }),
        (s) => s.helpers.length === 1,
      );
      expect(clock(assigned, 'HELPER_ASSIGNMENT:PRIMARY')).toMatchObject({ status: 'MET', metOn: assignedOn });
      const measures = clock(assigned, 'MEASURES_START');
      expect(measures).toMatchObject({
        status: 'RUNNING',
        startedOn: assignedOn,
        dueDate: calendar.addWorkingDays(assignedOn, 10).dueDate,
      });

      const startedOn = await shanghaiToday(env);
      const assisting = await send(
        handle,
        event('measures.started', { startedOn }),
        (s) => s.measuresStartedOn !== undefined,
      );
      expect(assisting.phase).toBe('ASSISTING');
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(CASE_SEARCH_ATTRIBUTES.step)).toBe('ASSISTING');
      const earliest = Math.min(
        ...assisting.clocks.filter((c) => c.status === 'RUNNING').map((c) => Date.parse(c.dueAt)),
      );
      expect(attributes.get(CASE_SEARCH_ATTRIBUTES.nextDueAt)?.getTime()).toBe(earliest);
      await sleepPast(env, measures?.dueAt ?? '');
      const later = await stateWhen(handle, () => true);
      expect(clock(later, 'MEASURES_START')?.status).toBe('MET');
      expect(overdue.filter((o) => o.kind === 'HELPER_ASSIGNMENT' || o.kind === 'MEASURES_START')).toEqual([]);
    });
  });

  it('keeps a relocated household with two helpers covered through replacements and tracks each replacement clock', async () => {
    const { activities, overdue, calendar } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'assist-replace', activities);
    await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const handle = await startAssistance(env, 'assist-replace', newAssistanceInput(today, { relocated: true }));
      await stateWhen(handle, (s) => clock(s, 'HELPER_ASSIGNMENT:SECOND') !== undefined);
      await send(
        handle,
        event('helper.assigned', { helperId: 'h-hukou', role: 'PRIMARY', assignedOn: today, level: 'TOWNSHIP' }),
        (s) => s.helpers.length === 1,
      );
      const both = await send(
        handle,
        event('helper.assigned', { helperId: 'h-site', role: 'SECOND', assignedOn: today, level: 'VILLAGE' }),
        (s) => s.helpers.length === 2,
      );
      expect(both.clocks.filter((c) => c.kind === 'HELPER_ASSIGNMENT').map((c) => [c.role, c.status])).toEqual([
        ['PRIMARY', 'MET'],
        ['SECOND', 'MET'],
      ]);

      const leaving = await send(
        handle,
        event('helper.unavailable', { helperId: 'h-hukou', reason: 'TRANSFERRED', since: today }),
        (s) => s.phase === 'REPLACING_HELPER',
      );
      expect(leaving.helpers.map((h) => h.helperId).sort()).toEqual(['h-hukou', 'h-site']);
      expect(leaving).toMatchObject({ withoutHelper: false, householdsWithoutHelper: 0 });
      expect(clock(leaving, 'HELPER_REPLACEMENT:h-hukou')).toMatchObject({
        status: 'RUNNING',
        role: 'PRIMARY',
        dueDate: calendar.addWorkingDays(today, 10).dueDate,
      });

      await env.sleep(3 * DAY);
      expect((await stateWhen(handle, () => true)).householdsWithoutHelper).toBe(0);
      const replacedOn = await shanghaiToday(env);
      const replaced = await send(
        handle,
        event('helper.replaced', {
          oldHelperId: 'h-hukou',
          helperId: 'h-new',
          role: 'PRIMARY',
          assignedOn: replacedOn,
        }),
        (s) => s.helpers.some((h) => h.helperId === 'h-new'),
      );
      expect(replaced.helpers.map((h) => [h.helperId, h.role]).sort()).toEqual([
        ['h-new', 'PRIMARY'],
        ['h-site', 'SECOND'],
      ]);
      expect(replaced).toMatchObject({ phase: 'AWAITING_MEASURES', withoutHelper: false, householdsWithoutHelper: 0 });
      expect(clock(replaced, 'HELPER_REPLACEMENT:h-hukou')).toMatchObject({ status: 'MET', metOn: replacedOn });

      // The second helper falls ill and nobody is found in time: overdue, yet the household still has its helpers.
      const sick = await send(
        handle,
        event('helper.unavailable', { helperId: 'h-site', reason: 'SICK', since: replacedOn }),
        (s) => s.phase === 'REPLACING_HELPER',
      );
      await sleepPast(env, clock(sick, 'HELPER_REPLACEMENT:h-site')?.dueAt ?? '');
      await waitFor(() => overdue.some((o) => o.kind === 'HELPER_REPLACEMENT'), {
        description: 'the replacement overdue report',
      });
      const uncovered = await stateWhen(handle, (s) => clock(s, 'HELPER_REPLACEMENT:h-site')?.status === 'OVERDUE');
      expect(uncovered).toMatchObject({ withoutHelper: false, householdsWithoutHelper: 0 });
      const lateOn = await shanghaiToday(env);
      const late = await send(
        handle,
        event('helper.assigned', { helperId: 'h-site-2', role: 'SECOND', assignedOn: lateOn, level: 'VILLAGE' }),
        (s) => s.helpers.some((h) => h.helperId === 'h-site-2'),
      );
      expect(late.helpers.map((h) => h.helperId).sort()).toEqual(['h-new', 'h-site-2']);
      expect(clock(late, 'HELPER_REPLACEMENT:h-site')).toMatchObject({ status: 'MET_LATE', metOn: lateOn });
      expect(late.householdsWithoutHelper).toBe(0);
    });
  });
  it('holds an assignment that overtook the inclusion until the inclusion arrives, then counts it as in time', async () => {
    const { activities, overdue } = assistanceActivities();
    const worker = await createAssistanceWorker(env, 'assist-overtaken', activities);
    await worker.runUntil(async () => {
      const today = await shanghaiToday(env);
      const input = newAssistanceInput(today);
      const { includedOn: _included, ...withoutInclusion } = input;
      const workflowId = `assistance-${input.caseId}`;
      const assigned = event('helper.assigned', {
        helperId: 'h-early',
        role: 'PRIMARY',
        assignedOn: today,
        level: 'TOWNSHIP',
      });
      await env.client.workflow.signalWithStart('assistanceWorkflow', {
        workflowId,
        taskQueue: 'assist-overtaken',
        args: [withoutInclusion],
        signal: assistanceEventSignal,
        signalArgs: [assigned],
      });
      const waiting = await stateWhen(
        env.client.workflow.getHandle(workflowId),
        (s) => s.phase === 'AWAITING_INCLUSION',
      );
      expect(waiting).toMatchObject({ helpers: [], clocks: [], householdsWithoutHelper: 0 });

      const handle = await startAssistance(env, 'assist-overtaken', input);
      const included = await stateWhen(handle, (s) => s.helpers.length === 1);
      expect(clock(included, 'HELPER_ASSIGNMENT:PRIMARY')).toMatchObject({ status: 'MET', metOn: today });
      expect(included).toMatchObject({ includedOn: today, phase: 'AWAITING_MEASURES', householdsWithoutHelper: 0 });
      expect(overdue).toEqual([]);
    });
  });
});
