import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { DATA_SOURCE, openApiSchema, parseOrThrow } from '@prp/service-kit';
import { HouseholdCaseEntity } from '../../../database';
import { ScreeningExplainer } from '../../screening/screening-explainer';
import { CaseNotFoundException } from '../case-errors';
import { maskName } from '../mask';
import { RequireKey } from '../../access/access.decorators';
import { CaseDetailSchema } from './get-case.dto';

export const CaseIdParamSchema = z.object({ id: z.uuid({ message: '案件ID必须为UUID' }) });

@ApiTags('cases')
@Controller('api/v1/cases')
export class GetCaseController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly explainer: ScreeningExplainer,
  ) {}

  @Get(':id')
  @RequireKey([], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '查询案件' })
  @ApiOkResponse({
    description: '案件及其完整筛查结果（规则明细按所记政策版本重新推导）',
    schema: openApiSchema(CaseDetailSchema),
  })
  async get(@Param('id') id: string) {
    const caseId = parseOrThrow(CaseIdParamSchema, { id }).id;
    const found = await this.dataSource.getRepository(HouseholdCaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw new CaseNotFoundException(caseId);
    const { idempotencyKey: _key, requestHash: _hash, headName, ...visible } = found;
    const screening = found.screening ? await this.explainer.explain(found) : null;
    return { ...visible, headName: maskName(headName), screening };
  }
}
