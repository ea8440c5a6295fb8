import { HttpException } from '@nestjs/common';
import { ApplicationFailure, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { STEP_OUT_OF_ORDER } from '@prp/contracts';
import { StepOutOfOrderException, TemporalUnavailableException, WorkflowNotStartedException } from '../approval-errors';

/** gRPC NOT_FOUND: the execution is unknown or already completed. */
const GRPC_NOT_FOUND = 5;

function grpcCode(error: unknown): number | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'number' ? cause.code : undefined;
}

/** The Chinese refusal of the update validator, or undefined when the failure is something else. */
export function refusalReason(error: unknown): { type: string; message: string } | undefined {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type) return { type: cause.type, message: cause.message };
  return undefined;
}

export function isWorkflowMissing(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError || (error instanceof ServiceError && grpcCode(error) === GRPC_NOT_FOUND)
  );
}

/**
 * Turns what the Temporal client threw into the API's answer: a refused step is 409 with the
 * workflow's reason, a missing workflow 409 CASE.WORKFLOW_NOT_STARTED, anything else 503.
 */
export function mapTemporalError(error: unknown, caseId: string): HttpException {
  if (error instanceof HttpException) return error;
  const refusal = refusalReason(error);
  if (refusal?.type === STEP_OUT_OF_ORDER) return new StepOutOfOrderException(refusal.message);
  if (refusal) return new HttpException({ code: refusal.type, message: refusal.message }, 409);
  if (isWorkflowMissing(error)) return new WorkflowNotStartedException(caseId);
  return new TemporalUnavailableException();
}
