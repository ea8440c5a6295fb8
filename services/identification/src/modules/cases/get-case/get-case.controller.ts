import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { DATA_SOURCE, parseOrThrow } from '@prp/service-kit';
import { HouseholdCaseEntity } from '../../../database';
import { CaseNotFoundException } from '../case-errors';
import { maskName } from '../mask';
import { RequireKey } from '../../access/access.decorators';

export const CaseIdParamSchema = z.object({ id: z.uuid({ message: '案件ID必须为UUID' }) });

@ApiTags('cases')
@Controller('api/v1/cases')
export class GetCaseController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get(':id')
  @RequireKey([], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '查询案件' })
  async get(@Param('id') id: string) {
    const caseId = parseOrThrow(CaseIdParamSchema, { id }).id;
    const found = await this.dataSource.getRepository(HouseholdCaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw new CaseNotFoundException(caseId);
    const { idempotencyKey: _key, requestHash: _hash, headName, ...visible } = found;
    return { ...visible, headName: maskName(headName) };
  }
}
