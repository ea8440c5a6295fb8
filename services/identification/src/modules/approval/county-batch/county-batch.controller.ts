import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CountyBatchBodySchema, CountyParamSchema, type CountyBatchBody } from './county-batch.dto';
import { CountyBatchService } from './county-batch.service';
import { CurrentKey, RequireKey } from '../../access/access.decorators';
import type { ApiKeyPrincipal } from '../../access/api-key';

@ApiTags('approval')
@RequireKey(['COUNTY_APPROVAL'], { from: 'county', param: 'code' })
@Controller('api/v1/counties')
export class CountyBatchController {
  constructor(private readonly service: CountyBatchService) {}

  @Get(':code/approval-batches/pending')
  @ApiOperation({ summary: '本县待县级审定的案件（按月批次）' })
  pending(@Param('code') code: string) {
    return this.service.pending(parseOrThrow(CountyParamSchema, { code }).code);
  }

  @Post(':code/approval-batches')
  @HttpCode(200)
  @ApiOperation({ summary: '县级审定月度批次：逐户登记审定结果，单户失败不影响其他户' })
  @ApiBody({ schema: openApiSchema(CountyBatchBodySchema) })
  record(
    @Param('code') code: string,
    @Body(new ZodPipe(CountyBatchBodySchema)) body: CountyBatchBody,
    @CurrentKey() key?: ApiKeyPrincipal,
  ) {
    return this.service.record(parseOrThrow(CountyParamSchema, { code }).code, body, undefined, key?.id);
  }
}
