import { MockActivityEnvironment } from '@temporalio/testing';
import { parseEnvelope } from '@prp/contracts';
import type { OutgoingMessage } from '@prp/messaging';
import { createActivities } from './activities';
import { createAssistanceActivities } from './assistance-activities';

const input = { areaCode: '450200000000', on: '2026-12-01' };

function policyAnswer(status: number, body: object) {
  const fetchFn = jest.fn(async () => new Response(JSON.stringify(body), { status }));
  const activities = createAssistanceActivities({
    identificationUrl: 'http://identification.test',
    fetchFn: fetchFn as unknown as typeof fetch,
  });
  return { fetchFn, load: () => new MockActivityEnvironment().run(activities.loadAssistancePolicy, input) };
}

describe('assistance activities', () => {
  it("takes the helper-assignment and first-measures days from the region's policy table (Liuzhou profile: 5)", async () => {
    const { fetchFn, load } = policyAnswer(200, {
      regionCode: '450200000000',
      year: 2026,
      version: 3,
      values: {
        helper_assignment_working_days: 5,
        first_measures_working_days: 10,
        helper_replacement_working_days: 7,
      },
    });
    await expect(load()).resolves.toEqual({
      regionCode: '450200000000',
      year: 2026,
      version: 3,
      helperAssignmentWorkingDays: 5,
      measuresStartWorkingDays: 10,
      helperReplacementWorkingDays: 7,
      defaulted: [],
    });
    expect(String((fetchFn.mock.calls[0] as unknown[])[0])).toBe(
      'http://identification.test/api/v1/policy/effective?areaCode=450200000000&on=2026-12-01',
    );
  });

  it('falls back to the documented defaults for keys the table lacks, and says which', async () => {
    const { load } = policyAnswer(200, {
      regionCode: '000000000000',
      year: 2026,
      version: 1,
      values: { helper_assignment_working_days: 10, first_measures_working_days: 0 },
    });
    await expect(load()).resolves.toMatchObject({
      helperAssignmentWorkingDays: 10,
      measuresStartWorkingDays: 10,
      helperReplacementWorkingDays: 10,
      defaulted: ['first_measures_working_days', 'helper_replacement_working_days'],
    });
  });

  it('uses the defaults when no table applies, fails without retry on bad input and retries when the service is down', async () => {
    await expect(policyAnswer(404, { message: '未找到' }).load()).resolves.toMatchObject({
      version: 'defaults',
      helperAssignmentWorkingDays: 10,
      defaulted: expect.arrayContaining(['helper_assignment_working_days']),
    });
    await expect(policyAnswer(400, { message: '区划代码无效' }).load()).rejects.toMatchObject({
      type: 'CONTRACT.VIOLATION',
      nonRetryable: true,
    });
    await expect(policyAnswer(503, {}).load()).rejects.toThrow('503');
  });

  it('publishes a well-formed deadline.overdue for the new assistance kinds', async () => {
    const published: OutgoingMessage[] = [];
    const activities = createActivities({
      publisher: { publish: async (messages) => void published.push(...messages) },
      identificationUrl: 'http://identification.test',
    });
    const caseId = '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11';
    await new MockActivityEnvironment().run(activities.emitDeadlineOverdue, {
      caseId,
      areaCode: '430281101201',
      workflowId: `assistance-${caseId}`,
      kind: 'MONTHLY_REPORT' as const,
      dueDate: '2026-12-31',
      dueAt: '2026-12-31T23:59:59.999+08:00',
      responsibleLevel: 'COUNTY' as const,
      escalatedTo: 'CITY' as const,
    });
    expect(parseEnvelope(JSON.parse(published[0].value))).toMatchObject({
      type: 'deadline.overdue',
      payload: { kind: 'MONTHLY_REPORT' as const, escalatedTo: 'CITY' },
    });
  });
});
