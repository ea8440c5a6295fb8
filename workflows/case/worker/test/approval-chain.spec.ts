import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { toShanghaiDate } from '@prp/calendar';
import { caseStateQuery, PROPERTY_CHECK_DEPARTMENTS, type CaseWorkflowState } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { createTestWorker, newCaseInput, recordingActivities, startCase, startTimeSkippingEnv, TEST_POLICY } from './workflow-harness';
import { clocksStarted, DAY, useEnvClock, expectedCutoff, intoPublicNotice, recorder, sleepPast, throughPropertyCheck } from './chain-helpers';

jest.setTimeout(120_000);

describe('case workflow: the approval chain (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  const shanghaiNow = async () => toShanghaiDate(new Date(await env.currentTimeMs()));

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    useEnvClock(env);
  });
  afterAll(async () => env?.teardown());

  it('gets every step in time, passes the notice period by itself and ends INCLUDED without any overdue', async () => {
    const { activities, overdue } = recordingActivities();
    const worker = await createTestWorker(env, 'chain-in-time', activities);
    const result = await worker.runUntil(async () => {
      const handle = await startCase(env, 'chain-in-time', newCaseInput(await shanghaiNow()));
      await clocksStarted(handle);
      const notice = (await intoPublicNotice(handle)).notice;
      expect(notice).toMatchObject({ round: 1, workingDays: 5 });
      await sleepPast(env, notice?.endsAt ?? '');
      const atCounty = await handle.query(caseStateQuery);
      expect(atCounty.step).toBe('COUNTY_APPROVAL');
      expect(atCounty.decisions?.at(-1)).toMatchObject({ step: 'PUBLIC_NOTICE', result: 'PASSED' });
      await recorder(handle)('COUNTY_APPROVAL', 'APPROVED');
      return (await handle.result()) as CaseWorkflowState;
    });
    expect(overdue).toEqual([]);
    expect(result).toMatchObject({ step: 'INCLUDED', outcome: 'INCLUDED', flowVersion: 'liuzhou-2021.v1' });
    expect(result.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['RESPONSE', 'MET'],
      ['DETERMINATION', 'MET'],
      ['COUNTY_BATCH', 'MET'],
    ]);
  });

  it('pauses DETERMINATION while the property check is out and extends its due date by the paused working days', async () => {
    const { activities, overdue, calendar } = recordingActivities();
    const worker = await createTestWorker(env, 'chain-pause', activities);
    await worker.runUntil(async () => {
      const start = await shanghaiNow();
      const handle = await startCase(env, 'chain-pause', newCaseInput(start));
      const first = await clocksStarted(handle);
      const record = recorder(handle);
      await record('RESPONSE', 'DONE');
      await record('HOME_VERIFICATION', 'DONE');
      await env.sleep(3 * DAY);
      const pausedOn = await shanghaiNow();
      const paused = await record('PROPERTY_CHECK', 'SENT');
      expect(paused.deadlines[1]).toMatchObject({ kind: 'DETERMINATION', status: 'PAUSED' });
      await env.sleep(40 * DAY); // longer than the whole 20 working days: a paused clock cannot go overdue
      const resumedOn = await shanghaiNow();
      for (const department of ['CIVIL_AFFAIRS', 'NATURAL_RESOURCES', 'MARKET_REGULATION'] as const) {
        await record('PROPERTY_CHECK', 'CLEAR', { department });
      }
      const resumed = await record('PROPERTY_CHECK', 'FOUND', { department: 'PUBLIC_SECURITY', reason: '名下有小型汽车一辆' });
      const before = first.deadlines[1].dueDate;
      const after = resumed.deadlines[1].dueDate;
      const pausedWorkingDays = calendar.workingDaysBetween(toDayBefore(pausedOn), toDayBefore(resumedOn));
      expect(pausedWorkingDays).toBeGreaterThan(20);
      expect(calendar.workingDaysBetween(before, after)).toBe(pausedWorkingDays);
      expect(after).toBe(calendar.deadlineWithPauses(start, 20, [{ from: pausedOn, to: resumedOn }]).dueDate);
      expect(resumed).toMatchObject({ step: 'VILLAGE_REVIEW', paused: [{ reason: '财产检索会签中' }] });
      expect(resumed.paused?.[0].until).toBeDefined();
      expect(resumed.deadlines[1].status).toBe('RUNNING');
      await handle.terminate('test done'); // open cases keep timers that would hold the skipped time
    });
    expect(overdue).toEqual([]);
  });

  it('sends the case back to home verification on an objection, and the notice restarts in the next round', async () => {
    const { activities } = recordingActivities();
    const worker = await createTestWorker(env, 'chain-objection', activities);
    await worker.runUntil(async () => {
      const handle = await startCase(env, 'chain-objection', newCaseInput(await shanghaiNow()));
      await clocksStarted(handle);
      const firstNotice = (await intoPublicNotice(handle)).notice;
      await env.sleep(DAY);
      const objected = await recorder(handle)('PUBLIC_NOTICE', 'OBJECTED', { reason: '村民反映其子女有赡养能力' });
      expect(objected).toMatchObject({ step: 'HOME_VERIFICATION', round: 2 });
      expect(objected.notice).toBeUndefined();
      await sleepPast(env, firstNotice?.endsAt ?? '');
      expect((await handle.query(caseStateQuery)).step).toBe('HOME_VERIFICATION'); // the old period ends nothing
      await throughPropertyCheck(handle, false);
      await recorder(handle)('VILLAGE_REVIEW', 'APPROVED');
      const again = await recorder(handle)('TOWNSHIP_RECHECK', 'APPROVED');
      expect(again.step).toBe('PUBLIC_NOTICE');
      expect(again.notice?.round).toBe(2);
      expect(Date.parse(again.notice?.endsAt ?? '')).toBeGreaterThan(Date.parse(firstNotice?.endsAt ?? ''));
      await handle.terminate('test done');
    });
  });

  it('starts the notice on the day a re-check entered after the fact was decided, so an elapsed notice passes at once', async () => {
    const { activities, calendar } = recordingActivities();
    const worker = await createTestWorker(env, 'chain-back-recorded', activities);
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const handle = await startCase(env, 'chain-back-recorded', newCaseInput(toShanghaiDate(new Date(now - 40 * DAY))));
      await clocksStarted(handle);
      const record = recorder(handle);
      const daysAgo = (n: number) => ({ decidedAt: new Date(now - n * DAY).toISOString() });
      await record('RESPONSE', 'DONE', daysAgo(38));
      await record('HOME_VERIFICATION', 'DONE', daysAgo(30));
      await record('PROPERTY_CHECK', 'SENT', daysAgo(29));
      for (const department of PROPERTY_CHECK_DEPARTMENTS) await record('PROPERTY_CHECK', 'CLEAR', { department, ...daysAgo(25) });
      await record('VILLAGE_REVIEW', 'APPROVED', daysAgo(20));
      const recheckedAt = daysAgo(15).decidedAt;
      const rechecked = await record('TOWNSHIP_RECHECK', 'APPROVED', { decidedAt: recheckedAt });
      const recheckDay = toShanghaiDate(new Date(recheckedAt));
      expect(rechecked.notice).toMatchObject({ startedOn: recheckDay, endDate: calendar.addWorkingDays(recheckDay, 5).dueDate });
      const state = await waitFor(async () => {
        const current = await handle.query(caseStateQuery);
        return current.step === 'COUNTY_APPROVAL' && current;
      }, { description: 'the elapsed notice period to pass' });
      expect(state.decisions?.at(-1)).toMatchObject({ step: 'PUBLIC_NOTICE', result: 'PASSED' });
      // Finish the case rather than terminate it: a terminated case with an overdue report in flight left the
      // test server's time skipping locked for the next test.
      await recorder(handle)('COUNTY_APPROVAL', 'APPROVED');
      expect(await handle.result()).toMatchObject({ outcome: 'INCLUDED' });
    });
  });

  it('refuses a step dated before the one it follows, or before the household was discovered, and changes nothing', async () => {
    const { activities } = recordingActivities();
    const worker = await createTestWorker(env, 'chain-dates', activities);
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const daysAgo = (n: number) => ({ decidedAt: new Date(now - n * DAY).toISOString() });
      // Discovered 3 days ago: no clock is due yet, so nothing is in flight when the case is terminated.
      const handle = await startCase(env, 'chain-dates', newCaseInput(toShanghaiDate(new Date(now - 3 * DAY))));
      await clocksStarted(handle);
      const record = recorder(handle);
      expect(await refusalOf(record('RESPONSE', 'DONE', daysAgo(5)))).toMatch(/早于发现日期/);
      await record('RESPONSE', 'DONE', daysAgo(1));
      expect(await refusalOf(record('HOME_VERIFICATION', 'DONE', daysAgo(2)))).toMatch(/早于上一环节（响应/);
      const state = await handle.query(caseStateQuery);
      expect(state.step).toBe('HOME_VERIFICATION');
      expect(state.decisions).toHaveLength(1);
      await handle.terminate('test done');
    });
  });

  it('keeps a first contact recorded while the clock policy is still loading', async () => {
    const { activities } = recordingActivities();
    let releasePolicy: () => void = () => undefined;
    const policyLoaded = new Promise<void>((resolve) => (releasePolicy = resolve));
    const slowPolicy = { ...activities, loadClockPolicy: async (input: Parameters<typeof activities.loadClockPolicy>[0]) => {
      await policyLoaded;
      return activities.loadClockPolicy(input);
    } };
    const worker = await createTestWorker(env, 'chain-early-step', slowPolicy);
    await worker.runUntil(async () => {
      const handle = await startCase(env, 'chain-early-step', newCaseInput(await shanghaiNow()));
      const early = recorder(handle)('RESPONSE', 'DONE');
      setTimeout(releasePolicy, 500);
      const state = await early;
      expect(state.step).toBe('HOME_VERIFICATION');
      expect(state.deadlines.find((d) => d.kind === 'RESPONSE')).toMatchObject({ status: 'MET' });
      await handle.terminate('test done');
    });
  });

  it('reports the missed monthly county batch cut-off escalated to the city, and the case can still be approved', async () => {
    const { activities, overdue, calendar } = recordingActivities();
    const worker = await createTestWorker(env, 'chain-county-batch', activities);
    const result = await worker.runUntil(async () => {
      const handle = await startCase(env, 'chain-county-batch', newCaseInput(await shanghaiNow()));
      await clocksStarted(handle);
      await sleepPast(env, (await intoPublicNotice(handle)).notice?.endsAt ?? '');
      const batch = (await handle.query(caseStateQuery)).deadlines.find((d) => d.kind === 'COUNTY_BATCH');
      expect(batch?.dueDate).toBe(expectedCutoff(calendar, batch?.startedOn ?? '', TEST_POLICY.countyBatchMinWorkingDays));
      await sleepPast(env, batch?.dueAt ?? '');
      expect(overdue).toEqual([expect.objectContaining({ kind: 'COUNTY_BATCH', dueDate: batch?.dueDate, responsibleLevel: 'COUNTY', escalatedTo: 'CITY' })]);
      const late = await handle.query(caseStateQuery);
      expect(late.deadlines.find((d) => d.kind === 'COUNTY_BATCH')?.status).toBe('OVERDUE');
      await recorder(handle)('COUNTY_APPROVAL', 'APPROVED');
      return handle.result();
    });
    expect(result.outcome).toBe('INCLUDED');
  });
});

function toDayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
}

/** The Chinese reason the update validator gave for refusing a step. */
async function refusalOf(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  throw new Error('the step was accepted');
}
