import type { AssistanceClock, AssistanceWorkflowState } from '@prp/contracts';
import { carryOver } from './carry';

const clock = (id: string, status: AssistanceClock['status'], dueDate: string, taskId?: string): AssistanceClock => ({
  id,
  kind: taskId ? 'MONTHLY_REPORT' : 'QUARTERLY_VISIT',
  startedOn: '2026-07-01',
  dueDate,
  dueAt: `${dueDate}T23:59:59.999+08:00`,
  status,
  responsibleLevel: 'COUNTY',
  escalatedTo: 'CITY',
  ...(taskId ? { taskId } : {}),
});

const state: AssistanceWorkflowState = {
  caseId: 'c1',
  areaCode: '430281101201',
  includedOn: '2026-07-02',
  relocated: true,
  phase: 'ASSISTING',
  helpers: [{ helperId: 'h1', role: 'PRIMARY', assignedOn: '2026-07-03' }],
  withoutHelper: false,
  householdsWithoutHelper: 0,
  tasks: [
    {
      taskId: 'old-done',
      department: 'HEALTH',
      measure: 'M',
      createdOn: '2026-07-05',
      status: 'COMPLETED',
      reportedPeriods: ['2026-07'],
      closedOn: '2026-08-01',
    },
    {
      taskId: 'old-late',
      department: 'WATER',
      measure: 'M',
      createdOn: '2026-07-05',
      status: 'REJECTED',
      reportedPeriods: [],
      closedOn: '2026-08-02',
    },
    {
      taskId: 'open',
      department: 'EDUCATION',
      measure: 'M',
      createdOn: '2026-07-05',
      status: 'OPEN',
      reportedPeriods: ['2026-08', '2026-10'],
    },
  ],
  visits: [{ visitId: 'v-old', visitedOn: '2026-08-01', quarter: '2026Q3' }],
  clocks: [
    clock('QUARTERLY_VISIT:2026Q3', 'MET', '2026-09-30'),
    clock('MONTHLY_REPORT:old-late:2026-07', 'OVERDUE', '2026-07-31', 'old-late'),
    clock('MONTHLY_REPORT:open:2026-10', 'MET', '2026-10-30', 'open'),
    clock('QUARTERLY_VISIT:2026Q4', 'RUNNING', '2026-12-31'),
  ],
  run: 3,
};

describe('continue-as-new carry-over', () => {
  it('keeps unresolved clocks and what is recent, drops resolved history older than the kept quarter', () => {
    const next = carryOver({ caseId: 'c1', areaCode: '430281101201' }, state, [], '2026-10-01');
    expect(next).toMatchObject({ includedOn: '2026-07-02', relocated: true, carried: { pending: [] } });
    const carried = next.carried?.state;
    expect(carried?.clocks.map((c) => c.id)).toEqual([
      'MONTHLY_REPORT:old-late:2026-07',
      'MONTHLY_REPORT:open:2026-10',
      'QUARTERLY_VISIT:2026Q4',
    ]);
    expect(carried?.tasks.map((t) => t.taskId)).toEqual(['old-late', 'open']); // a task with an overdue month stays
    expect(carried?.tasks.find((t) => t.taskId === 'open')?.reportedPeriods).toEqual(['2026-10']);
    expect(carried?.visits).toEqual([]);
    expect(carried?.helpers).toEqual(state.helpers);
  });
});
