import { randomUUID } from 'crypto';
import { addDays, toShanghaiDate, WorkingDayCalendar } from '@prp/calendar';
import {
  departmentTaskTopic,
  parseEnvelope,
  TOPICS,
  type AssistanceWorkflowState,
  type DepartmentCode,
} from '@prp/contracts';
import { testStackEnv, uniqueName, waitFor } from '@prp/testing';
import type { Client } from '@temporalio/client';
import { approveInCountyBatch, driveToCountyApproval, submitSuspected, waitForWorkflow } from './approval-chain';
import {
  collectTopics,
  departmentCall,
  issueDepartmentKey,
  readTopicWithKcat,
  requireKcat,
  temporalClient,
  waitForAssistanceState,
  waitForConsumerGroup,
  type TopicMessage,
} from './assistance';
import { COUNTY, get, post, request, VILLAGE } from './fixtures';
import { startPlatform, type Platform } from './platform';
import { E2E_CONSUMER_GROUPS } from './platform-processes';

jest.setTimeout(240_000);

const stack = testStackEnv();
const CITY_AREA = '430200000000';
const TOWNSHIP_AREA = '430281101000';
/** Helpers this spec registers carry this prefix, so leftovers of an interrupted run can be told apart. */
const HELPER_PREFIX = 'e2e帮扶';
/** The plan: 缺什么补什么, one measure per department. */
const NEEDS = [
  { need: '家庭人均收入低于低保标准', measure: 'DIBAO', department: 'CIVIL_AFFAIRS' },
  { need: '户主慢性病，自付医疗费用高', measure: 'HEALTH', department: 'HEALTH' },
  { need: '子女读高中，学杂费负担重', measure: 'EDUCATION', department: 'EDUCATION' },
] as const;
type Department = (typeof NEEDS)[number]['department'];
const DEPARTMENTS = NEEDS.map((n) => n.department);
/** The department that reports back, and the one that does not. */
const REPORTING: Department = 'CIVIL_AFFAIRS';
const SILENT: Department = 'HEALTH';

const DAY = 86_400_000;
const calendar = new WorkingDayCalendar();

/** A month's report day: its last working day (national calendar, without local overrides). */
function lastWorkingDay(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  let day = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10); // the month's last day
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

interface BoardItem {
  caseId: string;
  kind: string;
  dueDate: string;
  responsibleLevel: string;
  escalatedTo: string;
  resolvedAt: string | null;
  subject: { taskId?: string; department?: string; period?: string } | null;
}

interface TaskView {
  taskId: string;
  caseId: string;
  department: string;
  measure: string;
  status: string;
}

describe('assistance of an included household, through the real stack (issue 4)', () => {
  let platform: Platform;
  const today = toShanghaiDate(new Date());
  const period = today.slice(0, 7);
  let identification: string;
  let referral: string;
  let reporting: string;
  let temporal: { client: Client; close: () => Promise<void> };
  let reader: { seen: TopicMessage[]; stop: () => Promise<void> };
  const keys = {} as Record<Department, string>;
  const tasks = {} as Record<Department, string>;
  let caseId: string;
  let villageCadre: string;

  const referralGet = (path: string) => get(`${referral}${path}`);
  const workflowState = (accept: (s: AssistanceWorkflowState) => boolean, description: string) =>
    waitForAssistanceState(temporal.client, caseId, accept, description);

  /** Every task of this case in a department's own queue, over all pages. */
  async function queueOf(department: Department, apiKey: string): Promise<TaskView[]> {
    const found: TaskView[] = [];
    for (let page = 1; ; page++) {
      const res = await departmentCall(referral, apiKey, 'GET', `/${department}/tasks?pageSize=200&page=${page}`);
      if (res.status !== 200) throw new Error(`${department} queue: ${res.status} ${JSON.stringify(res.body)}`);
      const items = res.body['items'] as TaskView[];
      found.push(...items.filter((t) => t.caseId === caseId));
      if (items.length < 200) return found;
    }
  }

  /** Every item of the overdue board for `query`, over all pages. */
  async function boardItems(query: string): Promise<BoardItem[]> {
    const items: BoardItem[] = [];
    for (let offset = 0; ; offset += 500) {
      const res = await get(`${reporting}/api/v1/overdue?${query}&limit=500&offset=${offset}`);
      if (res.status !== 200) throw new Error(`overdue board: ${res.status} ${JSON.stringify(res.body)}`);
      const page = res.body['items'] as BoardItem[];
      items.push(...page);
      if (page.length < 500) return items;
    }
  }

  async function registerHelper(level: string, areaCode: string, unit: string): Promise<string> {
    const res = await post(`${referral}/api/v1/helpers`, {
      name: `${HELPER_PREFIX}-${level}-${randomUUID().slice(0, 6)}`,
      level,
      unit,
      areaCode,
      capacity: 5,
    });
    if (res.status !== 201) throw new Error(`helper refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body['id'] as string;
  }

  beforeAll(async () => {
    await requireKcat();
    platform = await startPlatform(['identification', 'reporting', 'referral', 'case-worker']);
    [identification, reporting, referral] = (['identification', 'reporting', 'referral'] as const).map(platform.url);
    temporal = await temporalClient();
    reader = await collectTopics(
      uniqueName('e2e-dept-reader'),
      DEPARTMENTS.map((d) => departmentTaskTopic(d)),
    );
  });

  afterAll(async () => {
    await reader?.stop();
    await temporal?.close();
    await platform?.stop();
  });

  it('gives the included household a registered helper, in the referral service and in its assistance workflow', async () => {
    // Households of earlier runs replayed to the e2e referral group must not take this run's cadres.
    await waitForConsumerGroup(E2E_CONSUMER_GROUPS.referral, TOPICS.caseEvents);
    // A cadre of an interrupted earlier run of this spec, still without a household, would tie with this run's.
    const idle = await referralGet(
      `/api/v1/helpers?areaCode=${VILLAGE}&level=VILLAGE&availability=AVAILABLE&pageSize=200`,
    );
    for (const h of idle.body['items'] as { id: string; name: string; activeHouseholds: number }[]) {
      if (h.name.startsWith(HELPER_PREFIX) && h.activeHouseholds === 0) {
        await request('PATCH', `${referral}/api/v1/helpers/${h.id}/availability`, {
          availability: 'RETIRED',
          since: today,
        });
      }
    }
    // Cadres of three levels; the rules give a household outside 1:1 the closest one with room.
    const cityCadre = await registerHelper('CITY', CITY_AREA, '株洲市农业农村局');
    const townshipCadre = await registerHelper('TOWNSHIP', TOWNSHIP_AREA, '东富镇人民政府');
    villageCadre = await registerHelper('VILLAGE', VILLAGE, '新塘村村民委员会');
    expect(new Set([cityCadre, townshipCadre, villageCadre]).size).toBe(3);

    caseId = await submitSuspected(identification, `assistance-${randomUUID()}`);
    await waitForWorkflow(identification, caseId);
    await driveToCountyApproval(identification, caseId);
    const batch = await approveInCountyBatch(identification, COUNTY, caseId);
    expect(batch.body['verdicts']).toEqual([
      expect.objectContaining({ caseId, status: 'RECORDED', outcome: 'INCLUDED' }),
    ]);

    const file = await waitFor(
      async () => {
        const res = await referralGet(`/api/v1/assistance/${caseId}`);
        return res.status === 200 && (res.body['helpers'] as unknown[]).length > 0 && res.body;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: `the referral file of ${caseId} with a helper` },
    );
    expect(file).toMatchObject({ caseId, status: 'ASSISTED', areaCode: VILLAGE, includedOn: today });
    expect(file['helpers']).toEqual([
      expect.objectContaining({ helperId: villageCadre, role: 'PRIMARY', level: 'VILLAGE' }),
    ]);
    const without = await referralGet(`/api/v1/assistance/without-helper?areaCode=${VILLAGE}`);
    expect((without.body['households'] as { caseId: string }[]).map((h) => h.caseId)).not.toContain(caseId);

    const state = await workflowState((s) => s.helpers.length > 0, 'a helper');
    expect(state).toMatchObject({
      caseId,
      areaCode: VILLAGE,
      includedOn: today,
      withoutHelper: false,
      householdsWithoutHelper: 0,
      phase: 'AWAITING_MEASURES',
      helpers: [expect.objectContaining({ helperId: villageCadre, role: 'PRIMARY' })],
    });
    expect(state.clocks.find((c) => c.id === 'HELPER_ASSIGNMENT:PRIMARY')).toMatchObject({ status: 'MET' });
  });

  it('turns a plan of three measures into three tasks on three department topics (kafkajs and kcat) and three REST queues, each department only its own', async () => {
    expect(caseId).toBeDefined();
    const plan = await post(`${referral}/api/v1/assistance/${caseId}/plans`, {
      agreedOn: today,
      recordedBy: '新塘村帮扶责任人',
      householdConsent: '户主签字确认',
      needs: NEEDS.map(({ need, measure }) => ({ need, measure })),
    });
    expect(plan.status).toBe(201);
    const created = plan.body['tasks'] as TaskView[];
    expect(created.map((t) => t.department).sort()).toEqual([...DEPARTMENTS].sort());
    for (const t of created) tasks[t.department as Department] = t.taskId;

    // A plain kafkajs consumer and kcat each read one well-formed task.created per department topic.
    const broker = stack.kafkaBrokers[0];
    for (const { department, measure } of NEEDS) {
      const topic = departmentTaskTopic(department as DepartmentCode);
      const fromKafkajs = await waitFor(
        () => {
          const all = reader.seen.filter((m) => m.topic === topic && m.key === caseId);
          return all.length > 0 && all;
        },
        { timeoutMs: 30_000, description: `kafkajs: the task of ${caseId} on ${topic}` },
      );
      const fromKcat = await waitFor(
        async () => {
          const all = (await readTopicWithKcat(broker, topic)).filter((m) => m.key === caseId);
          return all.length > 0 && all;
        },
        { timeoutMs: 30_000, intervalMs: 1_000, description: `kcat: the task of ${caseId} on ${topic}` },
      );
      for (const [client, messages] of [
        ['kafkajs', fromKafkajs],
        ['kcat', fromKcat],
      ] as const) {
        expect({ client, count: messages.length }).toEqual({ client, count: 1 });
        const raw = messages[0].value;
        const envelope = parseEnvelope(JSON.parse(raw));
        expect(envelope).toMatchObject({
          type: 'task.created',
          caseId,
          areaCode: VILLAGE,
          payload: { taskId: tasks[department], department, measure, createdOn: today, caseId, areaCode: VILLAGE },
        });
        expect(raw).not.toMatch(/idCard|\d{17}[\dXx]/);
      }
    }

    for (const department of DEPARTMENTS) keys[department] = await issueDepartmentKey(referral, department);
    for (const department of DEPARTMENTS) {
      const own = await queueOf(department, keys[department]);
      expect(own).toEqual([
        expect.objectContaining({ taskId: tasks[department], department, status: 'CREATED', caseId }),
      ]);
      for (const other of DEPARTMENTS.filter((d) => d !== department)) {
        const foreignList = await departmentCall(referral, keys[other], 'GET', `/${department}/tasks`);
        expect({ other, department, status: foreignList.status, code: foreignList.body['code'] }).toEqual({
          other,
          department,
          status: 403,
          code: 'REFERRAL.DEPARTMENT_FORBIDDEN',
        });
        const foreignTask = await departmentCall(referral, keys[other], 'GET', `/${other}/tasks/${tasks[department]}`);
        expect(foreignTask.status).toBe(403);
      }
    }

    const state = await workflowState((s) => s.tasks.length === 3, 'three tasks');
    expect(state.plan).toMatchObject({ agreedOn: today });
  });

  it('records one department acknowledging and reporting its month back with an amount in fen', async () => {
    expect(tasks[REPORTING]).toBeDefined();
    const path = `/${REPORTING}/tasks/${tasks[REPORTING]}`;
    const acknowledged = await departmentCall(referral, keys[REPORTING], 'POST', `${path}/acknowledge`, { on: today });
    expect(acknowledged).toMatchObject({ status: 200, body: { status: 'ACKNOWLEDGED' } });
    const report = await departmentCall(referral, keys[REPORTING], 'POST', `${path}/reports`, {
      kind: 'PROGRESS',
      period,
      amountFen: 61_000,
      evidence: [{ fileName: '低保金发放明细.pdf', contentType: 'application/pdf', sizeBytes: 20_480 }],
      note: '本月低保金已发放',
    });
    expect(report).toMatchObject({
      status: 200,
      body: { status: 'IN_PROGRESS', reports: [expect.objectContaining({ period, amountFen: 61_000 })] },
    });

    // The household's file and its workflow both know: the first measure is under way, this month is reported.
    const file = await referralGet(`/api/v1/assistance/${caseId}`);
    expect(Object.fromEntries((file.body['tasks'] as TaskView[]).map((t) => [t.department, t.status]))).toEqual({
      CIVIL_AFFAIRS: 'IN_PROGRESS',
      HEALTH: 'CREATED',
      EDUCATION: 'CREATED',
    });
    const state = await workflowState(
      (s) => s.tasks.some((t) => t.taskId === tasks[REPORTING] && t.reportedPeriods.includes(period)),
      `the ${period} report of ${REPORTING}`,
    );
    expect(state).toMatchObject({ phase: 'ASSISTING', measuresStartedOn: today });
    expect(state.clocks.find((c) => c.id === `MONTHLY_REPORT:${tasks[REPORTING]}:${period}`)).toMatchObject({
      kind: 'MONTHLY_REPORT',
      status: 'MET',
      department: REPORTING,
    });
  });

  it('keeps the silent department owing its report for the month, and never lists the reporting one as overdue', async () => {
    expect(tasks[SILENT]).toBeDefined();
    const state = await workflowState((s) => s.month?.period === period, `the month ${period}`);
    const owed = state.clocks.find((c) => c.id === `MONTHLY_REPORT:${tasks[SILENT]}:${period}`);
    // Due on the month's last working day (the working-day calendar), escalated from the county to the city.
    expect(owed).toMatchObject({
      kind: 'MONTHLY_REPORT',
      department: SILENT,
      period,
      dueDate: state.month?.dueDate,
      responsibleLevel: 'COUNTY',
      escalatedTo: 'CITY',
    });
    expect(owed?.dueDate.slice(0, 7)).toBe(period);
    expect(['RUNNING', 'OVERDUE']).toContain(owed?.status);

    const board = await get(
      `${reporting}/api/v1/overdue?department=${REPORTING}&kind=MONTHLY_REPORT&include=resolved&limit=500`,
    );
    expect(board.status).toBe(200);
    expect((board.body['items'] as { caseId: string }[]).filter((i) => i.caseId === caseId)).toEqual([]);
  });

  it(`shows the departments that missed last month's report on the overdue board, and not the one that reported`, async () => {
    // Everything happened last month: discovery and the chain on its first day, the county meeting the day
    // after the notice ended, the plan agreed the same day. Only the reports are entered today.
    const last = addDays(`${period}-01`, -1).slice(0, 7);
    const firstDay = `${last}-01`;
    const discoveredDaysAgo = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / DAY,
    );
    const stepAt = (defaultDaysAgo: number) =>
      new Date(Date.parse(`${firstDay}T08:00:00+08:00`) + (28 - defaultDaysAgo) * 3_600_000).toISOString();
    await registerHelper('VILLAGE', VILLAGE, '新塘村村民委员会');

    const lateCase = await submitSuspected(identification, `late-${randomUUID()}`, discoveredDaysAgo);
    await waitForWorkflow(identification, lateCase);
    const atCounty = await driveToCountyApproval(identification, lateCase, { decidedAt: stepAt });
    const noticeEnd = atCounty.workflow.notice?.endDate ?? '';
    const includedOn = addDays(noticeEnd, 1);
    // The month's report day is its last working day: the plan must come before it for the month to be owed.
    expect({ includedOn: includedOn.slice(0, 7), beforeReportDay: includedOn < lastWorkingDay(last) }).toEqual({
      includedOn: last,
      beforeReportDay: true,
    });
    const batch = await approveInCountyBatch(identification, COUNTY, lateCase, {
      decidedAt: new Date(`${includedOn}T10:00:00+08:00`).toISOString(),
    });
    expect(batch.body['verdicts']).toEqual([
      expect.objectContaining({ caseId: lateCase, status: 'RECORDED', outcome: 'INCLUDED' }),
    ]);
    await waitFor(
      async () => {
        const res = await referralGet(`/api/v1/assistance/${lateCase}`);
        return res.status === 200 && (res.body['helpers'] as unknown[]).length > 0 && res.body;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: `the referral file of ${lateCase} with a helper` },
    ).then((file) => expect(file).toMatchObject({ includedOn }));

    const plan = await post(`${referral}/api/v1/assistance/${lateCase}/plans`, {
      agreedOn: includedOn,
      recordedBy: '新塘村帮扶责任人',
      householdConsent: '户主签字确认（补录）',
      needs: NEEDS.map(({ need, measure }) => ({ need, measure })),
    });
    expect(plan.status).toBe(201);
    const lateTasks = Object.fromEntries(
      (plan.body['tasks'] as TaskView[]).map((t) => [t.department, t.taskId]),
    ) as Record<Department, string>;

    // The workflow learns of the tasks now, after last month's report day: every task is overdue at once for
    // last month, and the board lists a line per department (subject: task, department, period).
    const lastMonthOf = (s: AssistanceWorkflowState, department: Department) =>
      s.clocks.find((c) => c.id === `MONTHLY_REPORT:${lateTasks[department]}:${last}`);
    const missed = await waitForAssistanceState(
      temporal.client,
      lateCase,
      (s) => DEPARTMENTS.every((d) => lastMonthOf(s, d)?.status === 'OVERDUE'),
      `last month's reports overdue`,
    );
    const lastMonthLines = async (query: string) =>
      (await boardItems(`area=${VILLAGE}&kind=MONTHLY_REPORT${query}`))
        .filter((i) => i.caseId === lateCase && i.subject?.period === last)
        .sort((a, b) => (a.subject?.department ?? '').localeCompare(b.subject?.department ?? ''));
    const listed = await waitFor(
      async () => {
        const found = await lastMonthLines('');
        return found.length === DEPARTMENTS.length && found;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, description: `the overdue board lines of ${lateCase} for ${last}` },
    );
    expect(listed.map((i) => i.subject)).toEqual(
      [...DEPARTMENTS].sort().map((department) => ({ taskId: lateTasks[department], department, period: last })),
    );
    for (const line of listed) {
      expect(line).toMatchObject({
        kind: 'MONTHLY_REPORT',
        dueDate: lastMonthOf(missed, 'HEALTH')?.dueDate,
        responsibleLevel: 'COUNTY',
        escalatedTo: 'CITY',
        resolvedAt: null,
      });
    }
    expect(lastMonthOf(missed, 'HEALTH')?.dueDate.slice(0, 7)).toBe(last);

    // One department reports last month's period (entered today); the other two stay silent.
    const apiKey = await issueDepartmentKey(referral, REPORTING);
    const path = `/${REPORTING}/tasks/${lateTasks[REPORTING]}`;
    await expect(departmentCall(referral, apiKey, 'POST', `${path}/acknowledge`, {})).resolves.toMatchObject({
      status: 200,
    });
    const report = await departmentCall(referral, apiKey, 'POST', `${path}/reports`, {
      kind: 'PROGRESS',
      period: last,
      amountFen: 61_000,
      evidence: [{ fileName: '上月低保金发放明细.pdf', contentType: 'application/pdf', sizeBytes: 20_480 }],
      note: '上月低保金已发放',
    });
    expect(report).toMatchObject({ status: 200, body: { reports: [expect.objectContaining({ period: last })] } });

    const caughtUp = await waitForAssistanceState(
      temporal.client,
      lateCase,
      (s) => lastMonthOf(s, REPORTING)?.status === 'MET_LATE',
      `last month's report of ${REPORTING} met late`,
    );
    expect(Object.fromEntries(DEPARTMENTS.map((d) => [d, lastMonthOf(caughtUp, d)?.status]))).toEqual({
      CIVIL_AFFAIRS: 'MET_LATE',
      HEALTH: 'OVERDUE',
      EDUCATION: 'OVERDUE',
    });

    // Once reporting has read the report, the reporting department's line is closed (kept as history) and the
    // silent departments' lines stay open.
    const open = await waitFor(
      async () => {
        const found = await lastMonthLines('');
        return !found.some((i) => i.subject?.department === REPORTING) && found;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, description: `${REPORTING}'s line of ${lateCase} closed` },
    );
    expect(open.map((i) => i.subject?.department)).toEqual(['EDUCATION', 'HEALTH']);
    const history = await lastMonthLines('&include=resolved');
    expect(history.find((i) => i.subject?.department === REPORTING)?.resolvedAt).toEqual(expect.any(String));
  });
});
