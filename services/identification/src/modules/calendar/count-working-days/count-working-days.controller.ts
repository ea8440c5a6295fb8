import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { LocalDateSchema } from '@prp/contracts';
import { ZodPipe } from '@prp/service-kit';
import { CalendarService } from '../calendar.service';
import { OpenAccess } from '../../access/access.decorators';

export const CountWorkingDaysQuerySchema = z.object({ from: LocalDateSchema, to: LocalDateSchema });

@ApiTags('calendar')
@OpenAccess()
@Controller('api/v1/calendar')
export class CountWorkingDaysController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  @ApiOperation({ summary: '统计两个日期之间的工作日数（不含起始日，含结束日；按节假日与调休）' })
  @ApiQuery({ name: 'from', example: '2024-09-27', description: '起始日（不计入）' })
  @ApiQuery({ name: 'to', example: '2024-10-10', description: '结束日（计入）' })
  async workingDays(@Query(new ZodPipe(CountWorkingDaysQuerySchema)) query: z.infer<typeof CountWorkingDaysQuerySchema>) {
    const calendar = await this.calendar.calendar();
    return { from: query.from, to: query.to, workingDays: calendar.workingDaysBetween(query.from, query.to) };
  }
}
