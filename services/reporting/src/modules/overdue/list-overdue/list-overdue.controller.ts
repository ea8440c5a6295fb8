import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DEADLINE_KINDS } from '@prp/contracts';
import { ZodPipe } from '@prp/service-kit';
import { ListOverdueQuerySchema, type ListOverdueQuery } from './list-overdue.dto';
import { ListOverdueService } from './list-overdue.service';

@ApiTags('overdue')
@Controller('api/v1/overdue')
export class ListOverdueController {
  constructor(private readonly service: ListOverdueService) {}

  @Get()
  @ApiOperation({ summary: '超期环节看板：时限类型、截止日期、超期天数、责任层级、所属区划' })
  @ApiQuery({ name: 'area', required: false, description: '区划代码或其前缀' })
  @ApiQuery({ name: 'kind', required: false, enum: DEADLINE_KINDS })
  @ApiQuery({ name: 'department', required: false, description: '部门代码，只列该部门任务的超期事项（如 CIVIL_AFFAIRS）' })
  @ApiQuery({ name: 'include', required: false, enum: ['resolved'], description: '默认只列未办结的超期事项' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  list(@Query(new ZodPipe(ListOverdueQuerySchema)) query: ListOverdueQuery) {
    return this.service.list(query);
  }
}
