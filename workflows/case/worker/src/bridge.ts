import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  CASE_WORKFLOW_TYPE,
  caseRespondedSignal,
  caseSubmittedSignal,
  caseWorkflowId,
  EVENT_TYPES,
  type AnyEnvelope,
  type CaseWorkflowInput,
} from '@prp/contracts';
import type { MessagingLogger } from '@prp/messaging';

/**
 * Kafka -> Temporal hand-off. The workflow id comes from the case id, so a repeated `case.submitted`
 * only signals the running workflow again (harmless), and one whose case already closed is refused by
 * the id-reuse policy, which is success too.
 */
export function createBridgeHandler(client: Client, taskQueue: string, logger: MessagingLogger) {
  return async (envelope: AnyEnvelope): Promise<void> => {
    const workflowId = caseWorkflowId(envelope.caseId);
    if (envelope.type === EVENT_TYPES.caseSubmitted) {
      const input: CaseWorkflowInput = {
        caseId: envelope.caseId,
        areaCode: envelope.areaCode,
        caseNo: envelope.payload.caseNo,
        channel: envelope.payload.channel,
        discoveredOn: envelope.payload.discoveredOn,
        ...(envelope.payload.colour ? { colour: envelope.payload.colour } : {}),
        ...(envelope.payload.flowVersion ? { flowVersion: envelope.payload.flowVersion } : {}),
      };
      try {
        await client.workflow.signalWithStart(CASE_WORKFLOW_TYPE, {
          workflowId,
          taskQueue,
          args: [input],
          signal: caseSubmittedSignal,
          signalArgs: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    } else if (envelope.type === EVENT_TYPES.caseResponded) {
      try {
        await client.workflow.getHandle(workflowId).signal(caseRespondedSignal, envelope.payload);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        logger.warn({ msg: 'response for a closed or unknown case workflow ignored', workflowId, eventId: envelope.eventId });
      }
    }
  };
}
