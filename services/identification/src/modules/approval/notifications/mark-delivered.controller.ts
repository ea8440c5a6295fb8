import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { InstantSchema } from '@prp/contracts';
import { DATA_SOURCE, openApiSchema, parseOrThrow, ZodPipe } from '@prp/service-kit';
import { NotificationNotFoundException } from '../approval-errors';
import { RequireKey } from '../../access/access.decorators';

const ParamsSchema = z.object({
  id: z.uuid({ message: '案件ID必须为UUID' }),
  nid: z.uuid({ message: '告知记录ID必须为UUID' }),
});
const DeliveredBodySchema = z.object({
  deliveredBy: z.string().trim().min(1).max(100),
  deliveredAt: InstantSchema.optional(),
});
type DeliveredBody = z.infer<typeof DeliveredBodySchema>;

/** The village committee told the household the result (村委会已告知); repeating it keeps the first record. */
@ApiTags('approval')
@Controller('api/v1/cases')
export class MarkDeliveredController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post(':id/notifications/:nid/delivered')
  @RequireKey(['APPROVAL'], { from: 'case', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: '登记村委会已将认定结果告知农户' })
  @ApiBody({ schema: openApiSchema(DeliveredBodySchema) })
  async delivered(
    @Param('id') id: string,
    @Param('nid') nid: string,
    @Body(new ZodPipe(DeliveredBodySchema)) body: DeliveredBody,
  ) {
    const params = parseOrThrow(ParamsSchema, { id, nid });
    const deliveredAt = body.deliveredAt ?? new Date().toISOString();
    const rows: { id: string; delivered_at: Date; delivered_by: string }[] = await this.dataSource.query(
      // A CTE, because TypeORM answers a bare UPDATE with [rows, count] instead of the rows.
      `WITH updated AS (
         UPDATE household_notification SET delivered_at = COALESCE(delivered_at, $3), delivered_by = COALESCE(delivered_by, $4)
         WHERE id = $1 AND case_id = $2 RETURNING id, delivered_at, delivered_by)
       SELECT * FROM updated`,
      [params.nid, params.id, deliveredAt, body.deliveredBy],
    );
    if (!rows[0]) throw new NotificationNotFoundException(params.nid);
    return { id: rows[0].id, deliveredAt: rows[0].delivered_at.toISOString(), deliveredBy: rows[0].delivered_by };
  }
}
