import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CurrentKey, RequireKey } from '../../access/access.decorators';
import type { ApiKeyPrincipal } from '../../access/api-key';
import { CaseIdParamSchema } from '../get-case/get-case.controller';
import { AmendFactsSchema, type AmendFactsRequest } from './amend-facts.dto';
import { AmendFactsService } from './amend-facts.service';

@ApiTags('cases')
@Controller('api/v1/cases')
export class AmendFactsController {
  constructor(private readonly service: AmendFactsService) {}

  @Put(':id/facts')
  @HttpCode(200)
  @RequireKey(['INTAKE'], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '变更家庭信息并重新筛查（保留变更前信息）' })
  @ApiBody({ schema: openApiSchema(AmendFactsSchema) })
  @ApiResponse({ status: 200, description: '已变更并重新筛查；不再符合条件时返回警示' })
  @ApiResponse({ status: 400, description: '字段校验失败（字段、代码、中文说明）' })
  @ApiResponse({ status: 409, description: '案件已审定或关闭、成员已在其他未结案件中、幂等键冲突' })
  amend(
    @Param('id') id: string,
    @Body(new ZodPipe(AmendFactsSchema)) body: AmendFactsRequest,
    @CurrentKey() key?: ApiKeyPrincipal,
  ) {
    return this.service.amend(parseOrThrow(CaseIdParamSchema, { id }).id, body, key?.id);
  }

  @Get(':id/facts/revisions')
  @RequireKey([], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '家庭信息变更记录（只追加）：变更前后的信息、筛查结论、原因、变更人和API密钥' })
  revisions(@Param('id') id: string) {
    return this.service.revisions(parseOrThrow(CaseIdParamSchema, { id }).id);
  }
}
