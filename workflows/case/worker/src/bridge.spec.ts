import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { createEnvelope, EVENT_TYPES, type AnyEnvelope } from '@prp/contracts';
import { BRIDGE_TOPICS, createBridgeHandler } from './bridge';

const caseId = '7f0c2c55-8a43-4a4b-9d0e-3b1f5f3f9a11';
const submitted = createEnvelope({
  type: EVENT_TYPES.caseSubmitted,
  eventId: 'a6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
  caseId,
  areaCode: '430281101201',
  producer: 'identification',
  payload: { caseNo: 'JC2026', channel: 'OTHER', discoveredOn: '2026-11-20', discoveredBy: '村委会', memberCount: 3, householdHeadMasked: '李*' },
});
const responded = createEnvelope({
  type: EVENT_TYPES.caseResponded,
  eventId: 'b6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
  caseId,
  areaCode: '430281101201',
  producer: 'identification',
  payload: { respondedAt: '2026-11-21T10:00:00+08:00', respondedBy: '镇干部' },
});
const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

function fakeClient(signalWithStart: jest.Mock, signal: jest.Mock = jest.fn()) {
  return { workflow: { signalWithStart, getHandle: () => ({ signal }) } } as unknown as Client;
}

describe('Kafka to Temporal bridge', () => {
  it('signal-with-starts workflow case-<caseId> with the submission', async () => {
    const signalWithStart = jest.fn();
    await createBridgeHandler(fakeClient(signalWithStart), 'case', logger)(submitted);
    expect(signalWithStart).toHaveBeenCalledWith('caseWorkflow', expect.objectContaining({ workflowId: `case-${caseId}`, taskQueue: 'case' }));
    expect(signalWithStart.mock.calls[0][1].args[0]).toMatchObject({ caseId, discoveredOn: '2026-11-20', areaCode: '430281101201' });
  });

  it('treats a submission whose case workflow already closed as delivered', async () => {
    const signalWithStart = jest.fn().mockRejectedValue(new WorkflowExecutionAlreadyStartedError('closed', `case-${caseId}`, 'caseWorkflow'));
    await expect(createBridgeHandler(fakeClient(signalWithStart), 'case', logger)(submitted)).resolves.toBeUndefined();
  });

  it('lets other Temporal errors fail the message so the consumer retries it', async () => {
    const signalWithStart = jest.fn().mockRejectedValue(new Error('UNAVAILABLE'));
    await expect(createBridgeHandler(fakeClient(signalWithStart), 'case', logger)(submitted)).rejects.toThrow('UNAVAILABLE');
  });

  it('signals the response and logs a response for a closed case instead of failing', async () => {
    const signal = jest.fn();
    await createBridgeHandler(fakeClient(jest.fn(), signal), 'case', logger)(responded);
    expect(signal).toHaveBeenCalledWith(expect.objectContaining({ name: 'caseResponded' }), responded.payload);
    const missing = jest.fn().mockRejectedValue(new WorkflowNotFoundError('gone', `case-${caseId}`, undefined));
    await expect(createBridgeHandler(fakeClient(jest.fn(), missing), 'case', logger)(responded)).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalled();
  });
});

describe('Kafka to Temporal bridge: assistance', () => {
  const decided = (outcome: 'INCLUDED' | 'REJECTED') =>
    createEnvelope({
      type: EVENT_TYPES.caseDecided,
      eventId: 'c6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
      caseId,
      areaCode: '430281101201',
      producer: 'identification',
      payload: {
        outcome,
        decidedAt: '2026-11-30T17:30:00Z',
        decidedAtLevel: 'COUNTY_APPROVAL',
        decisionId: 'd6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
      },
    }) as AnyEnvelope;
  const withHousehold = (envelope: AnyEnvelope, household: object) =>
    ({ ...envelope, payload: { ...envelope.payload, household } }) as AnyEnvelope;
  const assistanceEnvelope = (type: string, payload: object) =>
    ({
      eventId: 'e6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
      type,
      caseId,
      areaCode: '430281101201',
      occurredAt: '2026-12-02T09:00:00+08:00',
      schemaVersion: 1,
      producer: 'referral',
      payload,
    }) as unknown as AnyEnvelope;

  it('subscribes to the case topic and the assistance topic', () => {
    expect(BRIDGE_TOPICS).toEqual(['prp.case.events.v1', 'prp.assistance.events.v1']);
  });

  it('signal-with-starts assistance-<caseId> on an inclusion, dated in Asia/Shanghai, with the relocation flag', async () => {
    const signalWithStart = jest.fn();
    await createBridgeHandler(
      fakeClient(signalWithStart),
      'case',
      logger,
    )(withHousehold(decided('INCLUDED'), { relocated: true, memberCount: 4 }));
    expect(signalWithStart).toHaveBeenCalledTimes(1);
    const [type, options] = signalWithStart.mock.calls[0];
    expect(type).toBe('assistanceWorkflow');
    expect(options).toMatchObject({
      workflowId: `assistance-${caseId}`,
      taskQueue: 'case',
      signal: expect.objectContaining({ name: 'assistanceStarted' }),
    });
    expect(options.args[0]).toEqual({
      caseId,
      areaCode: '430281101201',
      includedOn: '2026-12-01',
      decisionId: 'd6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
      relocated: true,
    });
  });

  it('starts nothing for a rejected case', async () => {
    const signalWithStart = jest.fn();
    await createBridgeHandler(fakeClient(signalWithStart), 'case', logger)(decided('REJECTED'));
    expect(signalWithStart).not.toHaveBeenCalled();
  });

  it('turns an assistance fact into an assistanceEvent signal-with-start (it may overtake the inclusion)', async () => {
    const signalWithStart = jest.fn();
    const payload = {
      helperId: 'h1',
      role: 'PRIMARY',
      assignedOn: '2026-12-02',
      level: 'TOWNSHIP',
      assignmentId: undefined,
    };
    await createBridgeHandler(
      fakeClient(signalWithStart),
      'case',
      logger,
    )(assistanceEnvelope('helper.assigned', payload));
    const [type, options] = signalWithStart.mock.calls[0];
    expect(type).toBe('assistanceWorkflow');
    expect(options).toMatchObject({
      workflowId: `assistance-${caseId}`,
      args: [{ caseId, areaCode: '430281101201' }],
      signal: expect.objectContaining({ name: 'assistanceEvent' }),
    });
    expect(options.signalArgs[0]).toEqual({
      eventId: 'e6b4d1c0-7c6e-4b8e-9a51-0c0f3c1c2e01',
      type: 'helper.assigned',
      occurredAt: '2026-12-02T09:00:00+08:00',
      payload: { helperId: 'h1', role: 'PRIMARY', assignedOn: '2026-12-02', level: 'TOWNSHIP' },
    });
  });

  it('rejects an assistance fact missing a field the workflow needs as a contract violation (dead letter, no retry)', async () => {
    const signalWithStart = jest.fn();
    const handle = createBridgeHandler(fakeClient(signalWithStart), 'case', logger);
    await expect(
      handle(assistanceEnvelope('task.reported', { taskId: 't1', department: 'HEALTH', reportedOn: '2026-12-02' })),
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'CONTRACT.VIOLATION',
        issues: [expect.objectContaining({ path: 'payload.period' })],
      }),
    );
    expect(signalWithStart).not.toHaveBeenCalled();
  });

  it('treats an assistance workflow closed by an operator as delivered', async () => {
    const signalWithStart = jest
      .fn()
      .mockRejectedValue(
        new WorkflowExecutionAlreadyStartedError('closed', `assistance-${caseId}`, 'assistanceWorkflow'),
      );
    await expect(
      createBridgeHandler(fakeClient(signalWithStart), 'case', logger)(decided('INCLUDED')),
    ).resolves.toBeUndefined();
  });
});
