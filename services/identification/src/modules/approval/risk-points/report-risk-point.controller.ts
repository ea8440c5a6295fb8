import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CaseIdParamSchema } from '../../cases/get-case/get-case.controller';
import { decisionIdOf } from '../record-step/record-step.controller';
import { ReportRiskPointBodySchema, type ReportRiskPointBody } from './report-risk-point.dto';
import { ReportRiskPointService } from './report-risk-point.service';
import { CurrentKey, RequireKey } from '../../access/access.decorators';
import type { ApiKeyPrincipal } from '../../access/api-key';

@ApiTags('approval')
@Controller('api/v1/cases')
export class ReportRiskPointController {
  constructor(private readonly service: ReportRiskPointService) {}

  @Post(':id/risk-points')
  @RequireKey(['APPROVAL'], { from: 'case', param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary: '出现风险点：蓝色观察户升级并启动认定程序；经筛查不纳入的户加入该风险点重新筛查，符合条件的启动认定程序',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '报告编号（UUID），与请求体reportId二选一' })
  @ApiBody({ schema: openApiSchema(ReportRiskPointBodySchema) })
  report(
    @Param('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodPipe(ReportRiskPointBodySchema)) body: ReportRiskPointBody,
    @CurrentKey() key?: ApiKeyPrincipal,
  ) {
    const caseId = parseOrThrow(CaseIdParamSchema, { id }).id;
    return this.service.report(caseId, decisionIdOf(body.reportId, idempotencyKey), body, key?.id);
  }
}
