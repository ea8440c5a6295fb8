import { randomUUID } from 'crypto';
import { Client as PgClient } from 'pg';
import { toShanghaiDate } from '@prp/calendar';
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
import { COUNTY, get, insertTestAreas, post, request, VILLAGE } from './fixtures';
import {
  E2E_CONSUMER_GROUPS,
  migrateTestDatabase,
  startPlatformProcess,
  stopPlatformProcess,
  type PlatformProcess,
} from './platform-processes';

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

interface TaskView {
  taskId: string;
  caseId: string;
  department: string;
  measure: string;
  status: string;
}

describe('assistance of an included household, through the real stack (issue 4)', () => {
  const processes: PlatformProcess[] = [];
  const today = toShanghaiDate(new Date());
  const period = today.slice(0, 7);
  let db: PgClient;
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
    await migrateTestDatabase();
    db = new PgClient({ connectionString: stack.databaseUrl });
    await db.connect();
    await insertTestAreas(db);
    for (const name of ['identification', 'reporting', 'referral', 'case-worker'] as const) {
      processes.push(await startPlatformProcess(name));
    }
    [identification, reporting, referral] = processes.map((p) => p.url);
    temporal = await temporalClient();
    reader = await collectTopics(
      uniqueName('e2e-dept-reader'),
      DEPARTMENTS.map((d) => departmentTaskTopic(d)),
    );
  });

  afterAll(async () => {
    await reader?.stop();
    await temporal?.close();
    for (const p of [...processes].reverse()) await stopPlatformProcess(p);
    await db?.end();
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

  /*
   * Not testable honestly yet: the workflow opens report clocks only for the month it is living in
   * (AssistanceRun.begin/enterMonth use today's month; onTaskCreated starts the clock of state.month only), so a
   * task agreed on a date of an earlier month (POST .../plans accepts any agreedOn) owes nothing for that month,
   * and a MONTHLY_REPORT miss can only appear after the real month ends. See the report for the change needed.
   */
  it.todo(
    `shows ${SILENT}'s missed MONTHLY_REPORT for this case on the overdue board (GET /api/v1/overdue?department=${SILENT})`,
  );
});
