import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { AdminGuardService } from '../departments/admin-guard.service';
import {
  AreaQuerySchema,
  AssignBodySchema,
  AssignPendingSchema,
  CaseIdParamSchema,
  ConfirmReplacementSchema,
  ListProposalsQuerySchema,
  PolicyOverrideBodySchema,
  PolicyPrefixParamSchema,
  ProposalIdParamSchema,
  type AssignBody,
  type AssignPending,
  type ConfirmReplacement,
} from './assignment.dto';
import { AssignmentService } from './assignment.service';
import { policyFor } from './assignment.store';
import { AssistanceQueryService } from './assistance-query.service';

@ApiTags('assistance')
@Controller('api/v1')
export class AssignmentController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly query: AssistanceQueryService,
    private readonly admin: AdminGuardService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get('assistance/without-helper')
  @ApiOperation({ summary: '尚无帮扶责任人的在册监测户（应为0；含纳入后待落实的户）' })
  withoutHelper(@Query() query: unknown) {
    return this.assignment.withoutHelper(parseOrThrow(AreaQuerySchema, query).areaCode);
  }

  @Post('assistance/assign-pending')
  @HttpCode(200)
  @ApiOperation({ summary: '为区域内仍待落实帮扶责任人的户重新按规则分配（如新登记干部后）' })
  @ApiBody({ schema: openApiSchema(AssignPendingSchema) })
  assignPending(@Body(new ZodPipe(AssignPendingSchema)) body: AssignPending) {
    return this.assignment.assignPending(body.areaCode);
  }

  @Get('assistance/:caseId')
  @ApiOperation({ summary: '一户的帮扶档案：帮扶责任人、调整建议、帮扶计划、部门任务、走访' })
  get(@Param() params: unknown) {
    return this.query.get(parseOrThrow(CaseIdParamSchema, params).caseId);
  }

  @Post('assistance/:caseId/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '按规则落实帮扶责任人（或指定干部，按规则校验）' })
  @ApiBody({ schema: openApiSchema(AssignBodySchema) })
  assign(@Param() params: unknown, @Body(new ZodPipe(AssignBodySchema)) body: AssignBody) {
    return this.assignment.assign(parseOrThrow(CaseIdParamSchema, params).caseId, body);
  }

  @Get('replacements')
  @ApiOperation({ summary: '帮扶责任人调整建议列表' })
  listProposals(@Query() query: unknown) {
    const q = parseOrThrow(ListProposalsQuerySchema, query);
    return this.assignment.listProposals({
      status: q.status,
      areaCode: q.areaCode,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
  }

  @Post('replacements/:id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '落实调整：新责任人到位的同时原责任人卸任（帮扶不脱钩）' })
  @ApiBody({ schema: openApiSchema(ConfirmReplacementSchema) })
  confirm(@Param() params: unknown, @Body(new ZodPipe(ConfirmReplacementSchema)) body: ConfirmReplacement) {
    return this.assignment.confirmReplacement(parseOrThrow(ProposalIdParamSchema, params).id, body);
  }

  @Get('assignment-policy')
  @ApiOperation({ summary: '某区域现行的帮扶比例政策（默认值来自政策文件，可按区域覆盖）' })
  policy(@Query() query: unknown) {
    const areaCode = parseOrThrow(AreaQuerySchema, query).areaCode ?? '000000000000';
    return policyFor(this.dataSource.manager, areaCode);
  }

  @Put('assignment-policy/:areaPrefix')
  @ApiOperation({ summary: '按区域覆盖帮扶比例政策（管理接口）' })
  @ApiHeader({ name: 'x-admin-token', required: true })
  @ApiBody({ schema: openApiSchema(PolicyOverrideBodySchema) })
  async putPolicy(
    @Param() params: unknown,
    @Headers('x-admin-token') token: string | undefined,
    @Body(new ZodPipe(PolicyOverrideBodySchema)) body: unknown,
  ) {
    this.admin.check(token);
    const { areaPrefix } = parseOrThrow(PolicyPrefixParamSchema, params);
    await this.dataSource.query(
      `INSERT INTO assignment_policy (area_prefix, policy) VALUES ($1, $2::jsonb)
       ON CONFLICT (area_prefix) DO UPDATE SET policy = EXCLUDED.policy, updated_at = now()`,
      [areaPrefix, JSON.stringify(body)],
    );
    return policyFor(this.dataSource.manager, areaPrefix.padEnd(12, '0'));
  }
}
