import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '@prp/service-kit';
import { CaseIdParamSchema } from '../../cases/get-case/get-case.controller';
import { CaseProgressService } from './case-progress.service';
import { RequireKey } from '../../access/access.decorators';

@ApiTags('approval')
@Controller('api/v1/cases')
export class CaseProgressController {
  constructor(private readonly service: CaseProgressService) {}

  @Get(':id/progress')
  @RequireKey([], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '案件进度：当前环节、各项时限、暂停时间、决策台账与告知记录' })
  progress(@Param('id') id: string) {
    return this.service.progress(parseOrThrow(CaseIdParamSchema, { id }).id);
  }

  @Get(':id/decisions')
  @RequireKey([], { from: 'case', param: 'id' })
  @ApiOperation({ summary: '决策台账（只追加）：每个环节的经办人、时间、结果、原因和附件' })
  decisions(@Param('id') id: string) {
    return this.service.decisions(parseOrThrow(CaseIdParamSchema, { id }).id);
  }
}
