import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CurrentKey, RequireKey } from '../access/access.decorators';
import type { ApiKeyPrincipal } from '../access/api-key';
import { DuplicatesService } from './duplicates.service';
import { DuplicateIdParamSchema, ReviewDuplicateSchema, type ReviewDuplicateRequest } from './review-duplicate.dto';

const PageSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('duplicates')
@Controller('api/v1/duplicates')
export class DuplicatesController {
  constructor(private readonly service: DuplicatesService) {}

  @Get()
  @RequireKey(['INTAKE'])
  @ApiOperation({ summary: '待审核的疑似重复提交（仅本密钥管辖区划）' })
  list(@Query() query: unknown, @CurrentKey() key?: ApiKeyPrincipal) {
    const { page, pageSize } = parseOrThrow(PageSchema, query);
    return this.service.listPending(page, pageSize, key?.areaPrefix ?? '');
  }

  @Post(':id/merge')
  @RequireKey(['INTAKE'], { from: 'case', param: 'id' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '确认重复：并入已有案件（记录审核人、时间、理由）' })
  @ApiBody({ schema: openApiSchema(ReviewDuplicateSchema) })
  merge(@Param('id') id: string, @Body(new ZodPipe(ReviewDuplicateSchema)) body: ReviewDuplicateRequest) {
    return this.service.merge(parseOrThrow(DuplicateIdParamSchema, { id }).id, body);
  }

  @Post(':id/dismiss')
  @RequireKey(['INTAKE'], { from: 'case', param: 'id' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '非重复：按筛查结果成为正式案件，疑似监测户此时才发出 case.submitted' })
  @ApiBody({ schema: openApiSchema(ReviewDuplicateSchema) })
  dismiss(@Param('id') id: string, @Body(new ZodPipe(ReviewDuplicateSchema)) body: ReviewDuplicateRequest) {
    return this.service.dismiss(parseOrThrow(DuplicateIdParamSchema, { id }).id, body);
  }
}
