import { Body, Controller, Headers, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { IdempotencyKeySchema, SubmitCaseSchema, type SubmitCaseRequest } from './submit-case.dto';
import { SubmitCaseService } from './submit-case.service';
import { RequireKey } from '../../access/access.decorators';

@ApiTags('cases')
@Controller('api/v1/cases')
export class SubmitCaseController {
  constructor(private readonly service: SubmitCaseService) {}

  @Post()
  @RequireKey(['INTAKE'], { from: 'body', field: 'villageCode' })
  @ApiOperation({ summary: '提交疑似监测户（乡镇、村系统）' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '幂等键：同一户重试时保持不变' })
  @ApiBody({ schema: openApiSchema(SubmitCaseSchema) })
  @ApiResponse({ status: 201, description: '已登记；返回案件编号与响应时限' })
  @ApiResponse({ status: 200, description: '同一幂等键的重复提交：返回原案件' })
  @ApiResponse({ status: 400, description: '字段校验失败（字段、代码、中文说明）' })
  @ApiResponse({ status: 409, description: '幂等键已被不同内容使用' })
  async submit(
    @Headers() headers: Record<string, string | undefined>,
    @Body(new ZodPipe(SubmitCaseSchema)) body: SubmitCaseRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const key = parseOrThrow(IdempotencyKeySchema, { 'idempotency-key': headers['idempotency-key'] })[
      'idempotency-key'
    ];
    const result = await this.service.submit(body, key);
    reply.status(result.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return result;
  }
}
