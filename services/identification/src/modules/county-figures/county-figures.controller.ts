import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { toShanghaiDate } from '@prp/calendar';
import { AreaCodeSchema, LocalDateSchema } from '@prp/contracts';
import { openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { CountyFiguresService } from './county-figures.service';
import { RequireKey } from '../access/access.decorators';

const ParamsSchema = z.object({ code: AreaCodeSchema });
const QuerySchema = z.object({ on: LocalDateSchema.optional() });
const PopulationSchema = z
  .object({
    registeredPoorPopulation: z
      .number({ message: '建档立卡人口应为数字' })
      .int({ message: '建档立卡人口应为整数' })
      .nonnegative({ message: '建档立卡人口不能为负数' })
      .describe('建档立卡人口（人）'),
  })
  .strict();

/** County figures (县级监测规模): monitored households against the registered-poor population. */
@ApiTags('counties')
@Controller('api/v1/counties')
export class CountyFiguresController {
  constructor(private readonly figures: CountyFiguresService) {}

  @Get(':code/figures')
  @RequireKey([], { from: 'param', param: 'code' })
  @ApiOperation({ summary: '县级监测规模：监测户数占建档立卡人口比例，超过预警线时提示（不阻断案件）' })
  get(@Param() params: unknown, @Query() query: unknown) {
    const { code } = parseOrThrow(ParamsSchema, params);
    const { on } = parseOrThrow(QuerySchema, query);
    return this.figures.figures(code, on ?? toShanghaiDate(new Date()));
  }

  @Put(':code/registered-poor-population')
  @RequireKey(['ADMIN'], { from: 'param', param: 'code' })
  @HttpCode(200)
  @ApiOperation({ summary: '登记区县建档立卡人口' })
  @ApiBody({ schema: openApiSchema(PopulationSchema) })
  async setPopulation(
    @Param() params: unknown,
    @Body(new ZodPipe(PopulationSchema)) body: z.infer<typeof PopulationSchema>,
  ) {
    const { code } = parseOrThrow(ParamsSchema, params);
    await this.figures.setPopulation(code, body.registeredPoorPopulation);
    return this.figures.figures(code, toShanghaiDate(new Date()));
  }
}
