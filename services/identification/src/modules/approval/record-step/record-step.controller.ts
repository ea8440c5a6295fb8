import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StepDecision } from '@prp/contracts';
import { openApiSchema, parseOrThrow, RequestValidationException, ZodPipe } from '@prp/service-kit';
import { CaseIdParamSchema } from '../../cases/get-case/get-case.controller';
import { IdempotencyHeaderSchema, RecordStepBodySchema, type RecordStepBody } from './record-step.dto';
import { RecordStepService } from './record-step.service';
import { CurrentKey, RequireKey } from '../../access/access.decorators';
import type { ApiKeyPrincipal } from '../../access/api-key';
import { ScopeForbiddenException } from '../../access/access-errors';

/** The decision id is what makes a retry safe: from the body, or the Idempotency-Key header; one is required. */
export function decisionIdOf(bodyId: string | undefined, header: string | undefined): string {
  const headerId = parseOrThrow(IdempotencyHeaderSchema, { 'Idempotency-Key': header })['Idempotency-Key'];
  const decisionId = bodyId ?? headerId;
  if (!decisionId) {
    const message = '缺少决策编号：请在请求体填写decisionId或在请求头提供Idempotency-Key（UUID），以便重试不重复登记';
    throw new RequestValidationException([{ field: 'decisionId', code: 'FIELD.REQUIRED', message }]);
  }
  if (bodyId && headerId && bodyId !== headerId) {
    const message = 'decisionId与Idempotency-Key不一致';
    throw new RequestValidationException([{ field: 'decisionId', code: 'STEP.DECISION_ID_MISMATCH', message }]);
  }
  return decisionId;
}

/** Clocks of township systems drift a little; a decision further in the future than this is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function toDecision(body: RecordStepBody, decisionId: string, now = new Date()): StepDecision {
  const { decisionId: _ignored, ...rest } = body;
  if (body.decidedAt && Date.parse(body.decidedAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
    const message = `决定时间${body.decidedAt}晚于当前时间，不能登记尚未发生的决定`;
    throw new RequestValidationException([{ field: 'decidedAt', code: 'STEP.DECIDED_IN_FUTURE', message }]);
  }
  return { ...rest, decisionId, decidedAt: body.decidedAt ?? now.toISOString() };
}

@ApiTags('approval')
@Controller('api/v1/cases')
export class RecordStepController {
  constructor(private readonly service: RecordStepService) {}

  @Post(':id/steps')
  @HttpCode(200)
  @RequireKey(['APPROVAL', 'COUNTY_APPROVAL'], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '登记认定环节（入户核实、财产检索、评议、复核、公示、县级审定）' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '决策编号（UUID），与请求体decisionId二选一' })
  @ApiBody({ schema: openApiSchema(RecordStepBodySchema) })
  async record(
    @Param('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodPipe(RecordStepBodySchema)) body: RecordStepBody,
    @CurrentKey() key?: ApiKeyPrincipal,
  ) {
    const caseId = parseOrThrow(CaseIdParamSchema, { id }).id;
    const needed = body.step === 'COUNTY_APPROVAL' ? 'COUNTY_APPROVAL' : 'APPROVAL';
    if (key && !key.scopes.includes(needed)) throw new ScopeForbiddenException([needed]);
    const decision = toDecision(body, decisionIdOf(body.decisionId, idempotencyKey));
    return this.service.record(caseId, decision, undefined, key?.id);
  }
}
