import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  CASE_WORKFLOW_TYPE,
  caseRespondedSignal,
  caseSubmittedSignal,
  caseWorkflowId,
  EVENT_TYPES,
  type AnyEnvelope,
  caseWorkflowInputOf,
} from '@prp/contracts';
import {
  ASSISTANCE_WORKFLOW_TYPE,
  assistanceEventSignal,
  assistanceStartedSignal,
  assistanceWorkflowId,
  decidedRelocated,
  isAssistanceEventType,
  parseAssistanceEvent,
  TOPICS,
  type AssistanceEvent,
  type AssistanceWorkflowInput,
} from '@prp/contracts';
import { toShanghaiDate } from '@prp/calendar';
import type { MessagingLogger } from '@prp/messaging';

/**
 * Kafka -> Temporal hand-off. The workflow id comes from the case id, so a repeated `case.submitted`
 * only signals the running workflow again (harmless), and one whose case already closed is refused by
 * the id-reuse policy, which is success too.
 */
export function createBridgeHandler(client: Client, taskQueue: string, logger: MessagingLogger) {
  const assistance = createAssistanceBridgeHandler(client, taskQueue);
  return async (envelope: AnyEnvelope): Promise<void> => {
    const workflowId = caseWorkflowId(envelope.caseId);
    if (envelope.type === EVENT_TYPES.caseSubmitted) {
      const input = caseWorkflowInputOf(envelope);
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
    } else {
      await assistance(envelope);
    }
  };
}

/** Topics the bridge consumes: case facts, and the referral service's assistance facts. */
export const BRIDGE_TOPICS = [TOPICS.caseEvents, TOPICS.assistanceEvents] as const;

async function signalWithStartAssistance(client: Client, taskQueue: string, input: AssistanceWorkflowInput, event?: AssistanceEvent) {
  const workflowId = assistanceWorkflowId(input.caseId);
  const options = { workflowId, taskQueue, args: [input] as [AssistanceWorkflowInput], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE };
  try {
    if (event) await client.workflow.signalWithStart(ASSISTANCE_WORKFLOW_TYPE, { ...options, signal: assistanceEventSignal, signalArgs: [event] });
    else await client.workflow.signalWithStart(ASSISTANCE_WORKFLOW_TYPE, { ...options, signal: assistanceStartedSignal, signalArgs: [input] });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error; // closed by an operator: nothing to signal
  }
}

/**
 * `case.decided` INCLUDED starts (or signals) workflow `assistance-<caseId>`; every assistance fact becomes an
 * assistanceEvent signal, with signal-with-start because the two topics are not ordered against each other
 * (a helper.assigned may overtake the inclusion; the workflow holds it until the inclusion arrives).
 */
export function createAssistanceBridgeHandler(client: Client, taskQueue: string) {
  return async (envelope: AnyEnvelope): Promise<void> => {
    const type: string = envelope.type;
    if (envelope.type === EVENT_TYPES.caseDecided) {
      if (envelope.payload.outcome !== 'INCLUDED') return;
      const input: AssistanceWorkflowInput = {
        caseId: envelope.caseId,
        areaCode: envelope.areaCode,
        includedOn: toShanghaiDate(envelope.payload.decidedAt),
        decisionId: envelope.payload.decisionId,
        relocated: decidedRelocated(envelope.payload),
      };
      await signalWithStartAssistance(client, taskQueue, input);
    } else if (isAssistanceEventType(type)) {
      const event = parseAssistanceEvent({ eventId: envelope.eventId, type, occurredAt: envelope.occurredAt, payload: envelope.payload });
      await signalWithStartAssistance(client, taskQueue, { caseId: envelope.caseId, areaCode: envelope.areaCode }, event);
    }
  };
}
