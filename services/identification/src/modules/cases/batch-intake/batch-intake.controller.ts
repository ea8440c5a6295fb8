import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '@prp/service-kit';
import { BatchRecordSchema, BatchRequestSchema, MAX_BATCH_RECORDS } from './batch-record';
import { BatchIntakeService } from './batch-intake.service';
import { CurrentKey, RequireKey } from '../../access/access.decorators';
import type { ApiKeyPrincipal } from '../../access/api-key';

@ApiTags('cases')
@Controller('api/v1')
export class BatchIntakeController {
  constructor(private readonly service: BatchIntakeService) {}

  /** `POST /api/v1/cases:batch` (AIP style) and `POST /api/v1/cases/batch` are the same operation. */
  @Post(['cases::batch', 'cases/batch'])
  @HttpCode(HttpStatus.OK)
  @RequireKey(['INTAKE'])
  @ApiOperation({ summary: `批量提交（每批最多${MAX_BATCH_RECORDS}户，每户自带幂等键，逐户返回结果）` })
  @ApiBody({
    schema: { type: 'object', properties: { records: { type: 'array', items: openApiSchema(BatchRecordSchema) } } },
  })
  @ApiResponse({
    status: 200,
    description: '逐户结果：CREATED / REPLAYED / SCREENED_OUT / DUPLICATE_SUSPECTED / REJECTED',
  })
  async batch(
    @Body(new ZodPipe(BatchRequestSchema)) body: { records: unknown[] },
    @CurrentKey() key?: ApiKeyPrincipal,
  ) {
    return this.service.intake(body.records, { key });
  }
}
