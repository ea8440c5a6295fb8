import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { toShanghaiDate } from '@prp/calendar';
import { caseRespondedSignal, caseStateQuery } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { createTestWorker, newCaseInput, recordingActivities, startCase, startTimeSkippingEnv } from './workflow-harness';

jest.setTimeout(60_000);

const MINUTE = 60_000;

describe('case workflow: the response clock (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let today: string;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    today = toShanghaiDate(new Date(await env.currentTimeMs()));
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('goes overdue exactly when the 5th working day ends, skipping a holiday, and escalates to the county', async () => {
    const plain = recordingActivities().calendar;
    const holiday = { date: plain.addWorkingDays(today, 2).dueDate, kind: 'HOLIDAY' as const, name: '测试假日' };
    const { activities, overdue, calendar } = recordingActivities([holiday]);
    const expected = calendar.addWorkingDays(today, 5);
    const worker = await createTestWorker(env, 'overdue-holiday', activities);
    await worker.runUntil(async () => {
      const handle = await startCase(env, 'overdue-holiday', newCaseInput(today));
      const running = await waitFor(async () => {
        const state = await handle.query(caseStateQuery);
        return state.deadlines.length > 0 && state;
      }, { description: 'the response clock to start' });
      expect(running.deadlines[0]).toMatchObject({ kind: 'RESPONSE', dueDate: expected.dueDate, status: 'RUNNING' });

      await env.sleep(Date.parse(expected.dueAt) - (await env.currentTimeMs()) - MINUTE);
      expect(overdue).toHaveLength(0);
      expect((await handle.query(caseStateQuery)).deadlines[0].status).toBe('RUNNING');

      await env.sleep(2 * MINUTE);
      expect(overdue).toEqual([expect.objectContaining({ kind: 'RESPONSE', dueDate: expected.dueDate, responsibleLevel: 'TOWNSHIP', escalatedTo: 'COUNTY' })]);
      expect((await handle.query(caseStateQuery)).deadlines[0].status).toBe('OVERDUE');
      await handle.terminate('test done'); // open cases keep timers that would hold the skipped time
    });
    // The holiday (on what would have been the 2nd working day) pushed the due date one working day later.
    expect(expected.dueDate).toBe(plain.addWorkingDays(today, 6).dueDate);
  });

  it('never goes overdue on the response once the household was contacted in time (old responded signal)', async () => {
    const { activities, overdue } = recordingActivities();
    const worker = await createTestWorker(env, 'responded-in-time', activities);
    const state = await worker.runUntil(async () => {
      const handle = await startCase(env, 'responded-in-time', newCaseInput(today));
      await handle.signal(caseRespondedSignal, { respondedAt: new Date().toISOString(), respondedBy: '帮扶干部王五' });
      await env.sleep(7 * 24 * 60 * MINUTE);
      const after = await handle.query(caseStateQuery);
      await handle.terminate('test done');
      return after;
    });
    expect(overdue).toHaveLength(0);
    expect(state.step).toBe('HOME_VERIFICATION');
    expect(state.deadlines[0]).toMatchObject({ kind: 'RESPONSE', status: 'MET' });
    expect(state.decisions).toEqual([expect.objectContaining({ step: 'RESPONSE', result: 'DONE', actor: '帮扶干部王五' })]);
  });

  it('keeps an overdue case open until the response arrives (overdue is a state, not a failure)', async () => {
    const { activities, overdue } = recordingActivities();
    const lateResponse = new Date((await env.currentTimeMs()) + 12 * 24 * 60 * MINUTE).toISOString();
    const worker = await createTestWorker(env, 'late-response', activities);
    const state = await worker.runUntil(async () => {
      // Earlier tests moved the skipped clock on: discover the household on the server's current day.
      const discoveredOn = toShanghaiDate(new Date(await env.currentTimeMs()));
      const handle = await startCase(env, 'late-response', newCaseInput(discoveredOn));
      // 12 days: past the 5-working-day response, well before the 20-working-day determination.
      await env.sleep(12 * 24 * 60 * MINUTE);
      expect(overdue).toEqual([expect.objectContaining({ kind: 'RESPONSE' })]);
      await handle.signal(caseRespondedSignal, { respondedAt: lateResponse, respondedBy: '乡镇干部' });
      const after = await waitFor(async () => {
        const current = await handle.query(caseStateQuery);
        return current.step === 'HOME_VERIFICATION' && current;
      }, { description: 'the late response to be applied' });
      await handle.terminate('test done');
      return after;
    });
    expect(state.deadlines[0]).toMatchObject({ status: 'OVERDUE', metAt: lateResponse });
  });

  it('treats a repeated submission of the same case as one workflow with one set of clocks', async () => {
    const { activities, deadlineRequests, policyRequests } = recordingActivities();
    const worker = await createTestWorker(env, 'duplicate-submission', activities);
    const input = newCaseInput(today);
    await worker.runUntil(async () => {
      const first = await startCase(env, 'duplicate-submission', input);
      const second = await startCase(env, 'duplicate-submission', input);
      expect(second.signaledRunId).toBe(first.signaledRunId);
      await waitFor(async () => (await first.query(caseStateQuery)).deadlines.length === 2, { description: 'the clocks' });
      await first.terminate('test done');
    });
    expect(policyRequests).toEqual([{ areaCode: input.areaCode, on: today }]);
    expect(deadlineRequests).toEqual([
      { from: today, workingDays: 5 },
      { from: today, workingDays: 20 },
    ]);
  });

  it('counts the response across National Day and its make-up days (2024-09-27 -> 2024-10-10), overdue at once', async () => {
    const { activities, overdue } = recordingActivities();
    const worker = await createTestWorker(env, 'national-day', activities);
    await worker.runUntil(async () => {
      const handle = await startCase(env, 'national-day', newCaseInput('2024-09-27'));
      await waitFor(async () => overdue.length === 2, { description: 'both clocks to be reported overdue' });
      const state = await handle.query(caseStateQuery);
      expect(state.deadlines[0]).toMatchObject({ kind: 'RESPONSE', dueDate: '2024-10-10', status: 'OVERDUE' });
      await handle.terminate('test done');
    });
    // 09-28 (Sat) and 10-12 (Sat) are make-up working days; 10-01..10-07 are the holiday. Working days
    // after 09-27: 09-28, 09-30, 10-08 … 10-11, 10-12, 10-14 … 10-18, 10-21 … 10-25, 10-28, 10-29, 10-30.
    expect(overdue[0]).toMatchObject({ kind: 'RESPONSE', dueDate: '2024-10-10', escalatedTo: 'COUNTY' });
    expect(overdue[1]).toMatchObject({ kind: 'DETERMINATION', dueDate: '2024-10-30', escalatedTo: 'COUNTY' });
  });
});
