import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { toShanghaiDate } from '@prp/calendar';
import { caseRespondedSignal, caseStateQuery } from '@prp/contracts';
import { waitFor } from '@prp/testing';
import { createTestWorker, newCaseInput, recordingActivities, startCase, startTimeSkippingEnv } from './workflow-harness';

jest.setTimeout(60_000);

const MINUTE = 60_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('case workflow: the 5-working-day response clock (time skipping)', () => {
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
    });
    // The holiday (on what would have been the 2nd working day) pushed the due date one working day later.
    expect(expected.dueDate).toBe(plain.addWorkingDays(today, 6).dueDate);
  });

  it('never goes overdue once the household was contacted in time', async () => {
    const { activities, overdue } = recordingActivities();
    const worker = await createTestWorker(env, 'responded-in-time', activities);
    const state = await worker.runUntil(async () => {
      const handle = await startCase(env, 'responded-in-time', newCaseInput(today));
      await handle.signal(caseRespondedSignal, { respondedAt: new Date().toISOString(), respondedBy: '帮扶干部王五' });
      await env.sleep(30 * 24 * 60 * MINUTE);
      return handle.result();
    });
    expect(overdue).toHaveLength(0);
    expect(state).toMatchObject({ step: 'RESPONDED', deadlines: [{ kind: 'RESPONSE', status: 'MET' }] });
  });

  it('keeps an overdue case open until the response arrives (overdue is a state, not a failure)', async () => {
    const { activities, overdue } = recordingActivities();
    const worker = await createTestWorker(env, 'late-response', activities);
    const state = await worker.runUntil(async () => {
      const handle = await startCase(env, 'late-response', newCaseInput(today));
      await env.sleep(20 * 24 * 60 * MINUTE);
      expect(overdue).toHaveLength(1);
      await handle.signal(caseRespondedSignal, { respondedAt: '2026-12-20T09:00:00+08:00', respondedBy: '乡镇干部' });
      return handle.result();
    });
    expect(state).toMatchObject({ step: 'RESPONDED', deadlines: [{ status: 'OVERDUE', metAt: '2026-12-20T09:00:00+08:00' }] });
  });

  it('treats a repeated submission of the same case as one workflow with one clock', async () => {
    const { activities, deadlineRequests } = recordingActivities();
    const worker = await createTestWorker(env, 'duplicate-submission', activities);
    const input = newCaseInput(today);
    await worker.runUntil(async () => {
      const first = await startCase(env, 'duplicate-submission', input);
      const second = await startCase(env, 'duplicate-submission', input);
      expect(second.signaledRunId).toBe(first.signaledRunId);
      await first.query(caseStateQuery);
      await first.signal(caseRespondedSignal, { respondedAt: new Date().toISOString(), respondedBy: '村干部' });
      await first.result();
    });
    expect(deadlineRequests).toHaveLength(1);
  });

  it('starts an overdue clock immediately for a household discovered long ago', async () => {
    const { activities, overdue } = recordingActivities();
    const worker = await createTestWorker(env, 'found-long-ago', activities);
    await worker.runUntil(async () => {
      const handle = await startCase(env, 'found-long-ago', newCaseInput(addDays(today, -30)));
      await waitFor(async () => (await handle.query(caseStateQuery)).deadlines[0]?.status === 'OVERDUE', {
        description: 'the clock to be overdue',
      });
    });
    expect(overdue).toHaveLength(1);
  });
});
