import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { LocalDateSchema } from '@prp/contracts';
import { DATA_SOURCE, openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { NATIONAL_AREA } from '../../access/api-key';
import { CalendarOverrideEntity } from '../../../database';
import { CalendarService } from '../calendar.service';
import { OpenAccess, RequireKey } from '../../access/access.decorators';

const OverrideBodySchema = z.object({ kind: z.enum(['HOLIDAY', 'WORKDAY']), name: z.string().max(50).optional() });

/** Per-date corrections of the built-in holiday data (年度节假日安排的补充或更正). */
@ApiTags('calendar')
@Controller('api/v1/calendar/overrides')
export class OverridesController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  @OpenAccess()
  @ApiOperation({ summary: '列出日历更正' })
  list() {
    return this.dataSource.getRepository(CalendarOverrideEntity).find({ order: { date: 'ASC' } });
  }

  @Put(':date')
  @RequireKey(['ADMIN'], { from: 'fixed', areaCode: NATIONAL_AREA })
  @ApiOperation({ summary: '设置某日为节假日或工作日' })
  @ApiBody({ schema: openApiSchema(OverrideBodySchema) })
  async put(
    @Param('date') date: string,
    @Body(new ZodPipe(OverrideBodySchema)) body: z.infer<typeof OverrideBodySchema>,
  ) {
    const day = parseOrThrow(z.object({ date: LocalDateSchema }), { date }).date;
    await this.dataSource
      .getRepository(CalendarOverrideEntity)
      .upsert({ date: day, kind: body.kind, name: body.name ?? null }, ['date']);
    this.calendar.invalidate();
    return { date: day, ...body };
  }

  @Delete(':date')
  @RequireKey(['ADMIN'], { from: 'fixed', areaCode: NATIONAL_AREA })
  @HttpCode(204)
  @ApiOperation({ summary: '删除某日的更正' })
  async remove(@Param('date') date: string): Promise<void> {
    const day = parseOrThrow(z.object({ date: LocalDateSchema }), { date }).date;
    await this.dataSource.getRepository(CalendarOverrideEntity).delete({ date: day });
    this.calendar.invalidate();
  }
}
