import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { openApiSchema, parseOrThrow } from '@prp/service-kit';
import {
  DatedActionSchema,
  DepartmentParamSchema,
  ListTasksQuerySchema,
  RejectTaskSchema,
  ReportTaskSchema,
  TaskParamSchema,
  TASK_STATUSES,
} from './department-tasks.dto';
import { DepartmentTasksService } from './department-tasks.service';

const API_KEY = 'x-api-key';

/** Department systems: pull, acknowledge, report back, reject or complete their tasks (API key per department). */
@ApiTags('departments')
@ApiSecurity('api-key')
@ApiHeader({ name: API_KEY, required: true, description: '部门系统API密钥' })
@Controller('api/v1/departments/:code/tasks')
export class DepartmentTasksController {
  constructor(private readonly tasks: DepartmentTasksService) {}

  @Get()
  @ApiOperation({ summary: '本部门任务清单（按状态筛选，分页）' })
  @ApiQuery({ name: 'status', required: false, enum: TASK_STATUSES })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  async list(@Param() params: unknown, @Headers(API_KEY) apiKey: string | undefined, @Query() query: unknown) {
    const { code } = parseOrThrow(DepartmentParamSchema, params);
    await this.tasks.authorize(code, apiKey);
    return this.tasks.list(code, parseOrThrow(ListTasksQuerySchema, query));
  }

  @Get(':taskId')
  @ApiOperation({ summary: '任务详情及历次反馈' })
  async get(@Param() params: unknown, @Headers(API_KEY) apiKey: string | undefined) {
    const { code, taskId } = parseOrThrow(TaskParamSchema, params);
    await this.tasks.authorize(code, apiKey);
    return this.tasks.get(code, taskId);
  }

  @Post(':taskId/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '签收任务' })
  @ApiBody({ schema: openApiSchema(DatedActionSchema), required: false })
  async acknowledge(@Param() params: unknown, @Headers(API_KEY) apiKey: string | undefined, @Body() body: unknown) {
    const { code, taskId } = parseOrThrow(TaskParamSchema, params);
    await this.tasks.authorize(code, apiKey);
    return this.tasks.acknowledge(code, taskId, parseOrThrow(DatedActionSchema, body ?? {}));
  }

  @Post(':taskId/reports')
  @HttpCode(200)
  @ApiOperation({ summary: '反馈进展或结果（金额以分计，附件元数据，所属月份YYYY-MM）' })
  @ApiBody({ schema: openApiSchema(ReportTaskSchema) })
  async report(@Param() params: unknown, @Headers(API_KEY) apiKey: string | undefined, @Body() body: unknown) {
    const { code, taskId } = parseOrThrow(TaskParamSchema, params);
    await this.tasks.authorize(code, apiKey);
    return this.tasks.report(code, taskId, parseOrThrow(ReportTaskSchema, body));
  }

  @Post(':taskId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: '退回任务并说明原因（退回帮扶责任人，状态RETURNED）' })
  @ApiBody({ schema: openApiSchema(RejectTaskSchema) })
  async reject(@Param() params: unknown, @Headers(API_KEY) apiKey: string | undefined, @Body() body: unknown) {
    const { code, taskId } = parseOrThrow(TaskParamSchema, params);
    await this.tasks.authorize(code, apiKey);
    return this.tasks.reject(code, taskId, parseOrThrow(RejectTaskSchema, body));
  }

  @Post(':taskId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: '办结任务' })
  @ApiBody({ schema: openApiSchema(DatedActionSchema), required: false })
  async complete(@Param() params: unknown, @Headers(API_KEY) apiKey: string | undefined, @Body() body: unknown) {
    const { code, taskId } = parseOrThrow(TaskParamSchema, params);
    await this.tasks.authorize(code, apiKey);
    return this.tasks.complete(code, taskId, parseOrThrow(DatedActionSchema, body ?? {}));
  }
}
