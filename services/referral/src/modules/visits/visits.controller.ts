import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CaseIdParamSchema } from '../assignment/assignment.dto';
import { RecordVisitSchema, type RecordVisit } from './visits.dto';
import { VisitsService } from './visits.service';

@ApiTags('assistance')
@Controller('api/v1/assistance/:caseId/visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @ApiOperation({ summary: '登记走访（发现、照片元数据、收入变化、新风险点）' })
  @ApiBody({ schema: openApiSchema(RecordVisitSchema) })
  async record(
    @Param() params: unknown,
    @Body(new ZodPipe(RecordVisitSchema)) body: RecordVisit,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.visits.record(parseOrThrow(CaseIdParamSchema, params).caseId, body);
    void reply.status(result.created ? 201 : 200);
    return result;
  }
}
