import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AreaCodeSchema, LocalDateSchema } from '@prp/contracts';
import { openApiSchema, parseOrThrow, RequestValidationException, ZodPipe } from '@prp/service-kit';
import { PolicyValuesSchema, type PolicyValues } from './policy-keys';
import { AreaDirectory } from '../areas/area-directory';
import { PolicyService } from './policy.service';
import { NATIONAL_REGION } from './region-path';
import { OpenAccess, RequireKey } from '../access/access.decorators';

const EffectiveQuerySchema = z.object({ areaCode: AreaCodeSchema, on: LocalDateSchema });
const TableParamsSchema = z.object({ regionCode: AreaCodeSchema, year: z.coerce.number().int().min(2000).max(2100) });
const NewVersionSchema = z
  .object({
    effectiveFrom: LocalDateSchema.describe('生效日期'),
    source: z.string().trim().min(1).max(200).describe('依据（文件名称、文号）'),
    values: PolicyValuesSchema.describe('参数值'),
  })
  .strict();

/** Policy tables per region and year (政策参数表): versioned, effective-dated, editable by administrators. */
@ApiTags('policy')
@Controller('api/v1/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly areas: AreaDirectory,
  ) {}

  @Get('effective')
  @OpenAccess()
  @ApiOperation({ summary: '查询某地区某日生效的政策参数（逐级向上取最具体的地区）' })
  effective(@Query() query: unknown) {
    const { areaCode, on } = parseOrThrow(EffectiveQuerySchema, query);
    return this.policy.effective(areaCode, on);
  }

  @Get('tables')
  @OpenAccess()
  @ApiOperation({ summary: '列出某地区某年度政策参数的全部版本（查询参数 regionCode、year）' })
  versionsByQuery(@Query() query: unknown) {
    const { regionCode, year } = parseOrThrow(TableParamsSchema, query);
    return this.policy.versions(regionCode, year);
  }

  @Get('tables/:regionCode/:year')
  @OpenAccess()
  @ApiOperation({ summary: '列出某地区某年度政策参数的全部版本' })
  versions(@Param() params: unknown) {
    const { regionCode, year } = parseOrThrow(TableParamsSchema, params);
    return this.policy.versions(regionCode, year);
  }

  @Put('tables/:regionCode/:year')
  @RequireKey(['ADMIN'], { from: 'param', param: 'regionCode' })
  @ApiOperation({ summary: '新增某地区某年度的政策参数版本（已有版本不可修改）' })
  @ApiBody({ schema: openApiSchema(NewVersionSchema) })
  async addVersion(
    @Param() params: unknown,
    @Body(new ZodPipe(NewVersionSchema)) body: z.infer<typeof NewVersionSchema>,
  ) {
    const { regionCode, year } = parseOrThrow(TableParamsSchema, params);
    if (regionCode !== NATIONAL_REGION && !(await this.areas.find(regionCode))) {
      const message = `地区${regionCode}不在区划目录中（全国默认为${NATIONAL_REGION}）`;
      throw new RequestValidationException([{ field: 'regionCode', code: 'POLICY.UNKNOWN_REGION', message }]);
    }
    if (Number(body.effectiveFrom.slice(0, 4)) !== year) {
      const message = `生效日期${body.effectiveFrom}不在${year}年度内`;
      throw new RequestValidationException([{ field: 'effectiveFrom', code: 'POLICY.YEAR_MISMATCH', message }]);
    }
    const values = body.values as PolicyValues;
    const tableVersion = await this.policy.addVersion(regionCode, year, body.effectiveFrom, body.source, values);
    return { tableVersion, effective: await this.policy.effective(regionCode, body.effectiveFrom) };
  }
}
