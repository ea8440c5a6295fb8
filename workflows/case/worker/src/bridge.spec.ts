import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { createEnvelope, EVENT_TYPES } from '@prp/contracts';
import { createBridgeHandler } from './bridge';

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
