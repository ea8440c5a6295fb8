import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodPipe } from '@prp/service-kit';
import { ListStagesQuerySchema, STAGE_STEPS, type ListStagesQuery } from './list-stages.dto';
import { ListStagesService } from './list-stages.service';

@ApiTags('stages')
@Controller('api/v1/stages')
export class ListStagesController {
  constructor(private readonly service: ListStagesService) {}

  @Get()
  @ApiOperation({ summary: '各认定环节的农户：按环节计数及案件列表' })
  @ApiQuery({ name: 'areaCode', required: false, description: '区划代码或其前缀' })
  @ApiQuery({ name: 'step', required: false, enum: STAGE_STEPS })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  list(@Query(new ZodPipe(ListStagesQuerySchema)) query: ListStagesQuery) {
    return this.service.list(query);
  }
}
