import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import {
  CreateHelperSchema,
  ListHelpersQuerySchema,
  UpdateAvailabilitySchema,
  UuidParamSchema,
  type CreateHelper,
  type UpdateAvailability,
} from './helpers.dto';
import { HelpersService } from './helpers.service';

@ApiTags('helpers')
@Controller('api/v1/helpers')
export class HelpersController {
  constructor(private readonly helpers: HelpersService) {}

  @Post()
  @ApiOperation({ summary: '登记帮扶干部（层级、单位、区域、可帮扶户数）' })
  @ApiBody({ schema: openApiSchema(CreateHelperSchema) })
  create(@Body(new ZodPipe(CreateHelperSchema)) body: CreateHelper) {
    return this.helpers.create(body);
  }

  @Get()
  @ApiOperation({ summary: '帮扶干部列表（按区域、层级、在岗状态筛选，分页）' })
  list(@Query() query: unknown) {
    return this.helpers.list(parseOrThrow(ListHelpersQuerySchema, query));
  }

  @Patch(':id/availability')
  @HttpCode(200)
  @ApiOperation({ summary: '更新干部在岗状态；不在岗时为其帮扶的每户生成调整建议（原责任人在调整前继续负责）' })
  @ApiBody({ schema: openApiSchema(UpdateAvailabilitySchema) })
  updateAvailability(@Param('id') id: string, @Body(new ZodPipe(UpdateAvailabilitySchema)) body: UpdateAvailability) {
    return this.helpers.updateAvailability(parseOrThrow(UuidParamSchema, { id }).id, body);
  }
}
