import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { AreaDirectory } from './area-directory';
import { AreaNotFoundException } from './area-errors';
import { CreateAreaSchema, type CreateAreaRequest } from './create-area/create-area.dto';
import { CreateAreaService } from './create-area/create-area.service';
import { OpenAccess, RequireKey } from '../access/access.decorators';

const AnyAreaCode = z.string().regex(/^(\d{12}|\d{15})$/, { message: '区划代码应为12位数字（村民小组15位）' });
const CodeParamsSchema = z.object({ code: AnyAreaCode });
const ListQuerySchema = z.object({ parent: AnyAreaCode.optional() });

/** The administrative tree (区划目录): province > city > county > township > village > village group. */
@ApiTags('areas')
@Controller('api/v1/areas')
export class AreasController {
  constructor(
    private readonly directory: AreaDirectory,
    private readonly creator: CreateAreaService,
  ) {}

  @Get(':code')
  @OpenAccess()
  @ApiOperation({ summary: '查询区划：本级、上级路径（省级在前）与直接下级' })
  async get(@Param() params: unknown) {
    const { code } = parseOrThrow(CodeParamsSchema, params);
    const path = await this.directory.path(code);
    const area = path.at(-1);
    if (!area) throw new AreaNotFoundException(code);
    return { ...area, path: path.slice(0, -1), children: await this.directory.children(code) };
  }

  @Get()
  @OpenAccess()
  @ApiOperation({ summary: '列出某区划的直接下级（不指定parent时列出省级）' })
  async list(@Query() query: unknown) {
    const { parent } = parseOrThrow(ListQuerySchema, query);
    if (parent && !(await this.directory.find(parent))) throw new AreaNotFoundException(parent);
    return { items: await this.directory.children(parent ?? null) };
  }

  @Post()
  @RequireKey(['ADMIN'], { from: 'body', field: 'code' })
  @HttpCode(201)
  @ApiOperation({ summary: '新增区划（上级须存在且恰高一级，代码前缀与上级一致）' })
  @ApiBody({ schema: openApiSchema(CreateAreaSchema) })
  create(@Body(new ZodPipe(CreateAreaSchema)) body: CreateAreaRequest) {
    return this.creator.create(body);
  }
}
