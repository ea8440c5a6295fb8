import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { LocalDateSchema } from '@prp/contracts';
import { ZodPipe } from '@prp/service-kit';
import { CalendarService } from '../calendar.service';
import { OpenAccess } from '../../access/access.decorators';

export const ComputeDeadlineQuerySchema = z.object({
  from: LocalDateSchema,
  workingDays: z.coerce.number().int().min(0).max(366),
});

@ApiTags('calendar')
@OpenAccess()
@Controller('api/v1/calendar')
export class ComputeDeadlineController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('deadline')
  @ApiOperation({ summary: '按工作日计算截止日期（含节假日与调休说明）' })
  @ApiQuery({ name: 'from', example: '2024-09-27', description: '起算日（不计入）' })
  @ApiQuery({ name: 'workingDays', example: 5 })
  async deadline(@Query(new ZodPipe(ComputeDeadlineQuerySchema)) query: z.infer<typeof ComputeDeadlineQuerySchema>) {
    return this.calendar.deadline(query.from, query.workingDays);
  }
}
