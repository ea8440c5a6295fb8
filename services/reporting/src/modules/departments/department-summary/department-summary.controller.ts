import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DEPARTMENT_CODES } from '@prp/contracts';
import { parseOrThrow } from '@prp/service-kit';
import { DepartmentParamsSchema, DepartmentSummaryQuerySchema } from './department-summary.dto';
import { DepartmentSummaryService } from './department-summary.service';

@ApiTags('departments')
@Controller('api/v1/departments')
export class DepartmentSummaryController {
  constructor(private readonly service: DepartmentSummaryService) {}

  @Get(':code/summary')
  @ApiOperation({ summary: '部门任务清单：按状态计数、未办结任务及其超期月报' })
  @ApiParam({ name: 'code', enum: DEPARTMENT_CODES })
  @ApiQuery({ name: 'area', required: false, description: '区划代码或其前缀' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  summary(@Param() params: unknown, @Query() query: unknown) {
    const { code } = parseOrThrow(DepartmentParamsSchema, params);
    return this.service.summary(code, parseOrThrow(DepartmentSummaryQuerySchema, query));
  }
}
