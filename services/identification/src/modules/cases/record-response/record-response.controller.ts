import { randomUUID } from 'crypto';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { createEnvelope, EVENT_TYPES, InstantSchema } from '@prp/contracts';
import { addToOutbox } from '@prp/messaging';
import { DATA_SOURCE, openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { HouseholdCaseEntity } from '../../../database';
import { CaseNotFoundException, CaseNotInChainException } from '../case-errors';
import { CaseIdParamSchema } from '../get-case/get-case.controller';
import { RequireKey } from '../../access/access.decorators';

const RecordResponseSchema = z.object({
  respondedBy: z.string().trim().min(1).max(50),
  respondedAt: InstantSchema.optional(),
});

/** First contact with the household (响应): stops the 5-working-day response clock. */
@ApiTags('cases')
@Controller('api/v1/cases')
export class RecordResponseController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post(':id/response')
  @RequireKey(['INTAKE', 'APPROVAL'], { from: 'case', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: '登记首次响应（入户联系）' })
  @ApiBody({ schema: openApiSchema(RecordResponseSchema) })
  async respond(
    @Param('id') id: string,
    @Body(new ZodPipe(RecordResponseSchema)) body: z.infer<typeof RecordResponseSchema>,
  ) {
    const caseId = parseOrThrow(CaseIdParamSchema, { id }).id;
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(HouseholdCaseEntity, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw new CaseNotFoundException(caseId);
      if (found.respondedAt) return { caseId, respondedAt: found.respondedAt.toISOString(), alreadyRecorded: true };
      if (found.status !== 'SUSPECTED') throw new CaseNotInChainException(caseId, found.status);
      const respondedAt = body.respondedAt ?? new Date().toISOString();
      await manager.update(
        HouseholdCaseEntity,
        { id: caseId },
        { status: 'RESPONDED', respondedAt: new Date(respondedAt) },
      );
      const event = createEnvelope({
        type: EVENT_TYPES.caseResponded,
        eventId: randomUUID(),
        caseId,
        areaCode: found.areaCode,
        producer: 'identification',
        payload: { respondedAt, respondedBy: body.respondedBy },
      });
      await addToOutbox(manager, event);
      return { caseId, respondedAt, alreadyRecorded: false };
    });
  }
}
