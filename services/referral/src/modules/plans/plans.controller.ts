import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CaseIdParamSchema } from '../assignment/assignment.dto';
import { AgreePlanSchema, type AgreePlan } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('assistance')
@Controller('api/v1/assistance/:caseId/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @ApiOperation({ summary: '确认帮扶计划（缺什么补什么）：每项措施生成一项部门任务并推送到部门主题' })
  @ApiBody({ schema: openApiSchema(AgreePlanSchema) })
  async agree(
    @Param() params: unknown,
    @Body(new ZodPipe(AgreePlanSchema)) body: AgreePlan,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.plans.agree(parseOrThrow(CaseIdParamSchema, params).caseId, body);
    void reply.status(result.created ? 201 : 200);
    return result;
  }
}
