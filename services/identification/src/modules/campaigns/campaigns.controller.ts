import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { BatchRequestSchema } from '../cases/batch-intake/batch-record';
import { CampaignIdParamSchema, CreateCampaignSchema, type CreateCampaignRequest } from './campaign.dto';
import { CampaignsService } from './campaigns.service';
import { CurrentKey, RequireKey } from '../access/access.decorators';
import type { ApiKeyPrincipal } from '../access/api-key';

@ApiTags('campaigns')
@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(private readonly service: CampaignsService) {}

  @Post()
  @RequireKey(['INTAKE'], { from: 'body', field: 'areaCodes' })
  @ApiOperation({ summary: '创建摸排任务（全面摸排或重点区域摸排，按季度）' })
  @ApiBody({ schema: openApiSchema(CreateCampaignSchema) })
  create(@Body(new ZodPipe(CreateCampaignSchema)) body: CreateCampaignRequest) {
    return this.service.create(body);
  }

  @Get(':id')
  @RequireKey([], { from: 'campaign', param: 'id' })
  @ApiOperation({ summary: '摸排任务及进度（导入进行中也可读取）' })
  get(@Param('id') id: string) {
    return this.service.get(parseOrThrow(CampaignIdParamSchema, { id }).id);
  }

  @Post(':id/households')
  @HttpCode(HttpStatus.OK)
  @RequireKey(['INTAKE'], { from: 'campaign', param: 'id' })
  @ApiOperation({ summary: '导入摸排农户：仅符合条件的成为疑似监测户并启动流程，其余记为已筛查' })
  @ApiBody({ schema: openApiSchema(BatchRequestSchema) })
  importHouseholds(
    @Param('id') id: string,
    @Body(new ZodPipe(BatchRequestSchema)) body: { records: unknown[] },
    @CurrentKey() key?: ApiKeyPrincipal,
  ) {
    return this.service.importHouseholds(parseOrThrow(CampaignIdParamSchema, { id }).id, body.records, key);
  }
}
