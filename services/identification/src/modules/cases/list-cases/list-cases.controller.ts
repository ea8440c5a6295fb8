import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AreaCodeSchema, DiscoveryChannelSchema } from '@prp/contracts';
import { DATA_SOURCE, parseOrThrow } from '@prp/service-kit';
import { CATEGORIES, COLOURS } from '../../screening/domain';
import { CurrentKey, RequireKey } from '../../access/access.decorators';
import { listAreaPrefix, type ApiKeyPrincipal } from '../../access/api-key';
import { OutsideAreaException } from '../../access/access-errors';
import { maskName } from '../mask';

const ListQuerySchema = z.object({
  areaCode: AreaCodeSchema.optional(),
  status: z.enum(['SUSPECTED', 'RESPONDED', 'BLUE_WATCH', 'SCREENED_OUT', 'DUPLICATE_SUSPECTED', 'MERGED']).optional(),
  colour: z.enum(COLOURS).optional(),
  category: z.enum(CATEGORIES).optional(),
  channel: DiscoveryChannelSchema.optional(),
  campaignId: z.uuid({ message: '摸排ID必须为UUID' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** `430281000000` → `430281`: the prefix every area below a statistical code shares (2/4/6/9/12 digits). */
export function areaPrefix(code: string): string {
  const length = [2, 4, 6, 9].find((digits) => /^0+$/.test(code.slice(digits))) ?? 12;
  return code.slice(0, length);
}

interface CaseRow {
  id: string;
  case_no: string;
  area_code: string;
  status: string;
  category: string | null;
  colour: string | null;
  channel: string;
  discovered_on: string;
  head_name: string;
  member_count: number;
  response_due_date: string | null;
  total: number;
}

@ApiTags('cases')
@Controller('api/v1/cases')
export class ListCasesController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @RequireKey([])
  @ApiOperation({ summary: '案件列表（仅本密钥管辖区划；按区划、状态、颜色、类别、来源筛选，分页）' })
  async list(@Query() query: unknown, @CurrentKey() key?: ApiKeyPrincipal) {
    const q = parseOrThrow(ListQuerySchema, query);
    const prefix = listAreaPrefix(key, q.areaCode);
    if (prefix === null) throw new OutsideAreaException(q.areaCode ?? '', key?.areaCode ?? '');
    const candidates: [string, string | undefined][] = [
      ['area_code LIKE $%', prefix ? `${prefix}%` : undefined],
      ['status = $%', q.status],
      ['colour = $%', q.colour],
      ['category = $%', q.category],
      ['channel = $%', q.channel],
      ['campaign_id = $%', q.campaignId],
    ];
    const filters = candidates.filter(([, value]) => value !== undefined);
    const where = filters.map(([sql], i) => sql.replace('$%', `$${i + 1}`)).join(' AND ') || 'true';
    const params = filters.map(([, value]) => value);
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT id, case_no, area_code, status, category, colour, channel, to_char(discovered_on, 'YYYY-MM-DD') AS discovered_on,
              head_name, member_count, to_char(response_due_date, 'YYYY-MM-DD') AS response_due_date, count(*) OVER ()::int AS total
       FROM household_case WHERE ${where} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { page: q.page, pageSize: q.pageSize, total: rows[0]?.total ?? 0, items: rows.map(toItem) };
  }
}

function toItem(row: CaseRow) {
  return {
    caseId: row.id,
    caseNo: row.case_no,
    areaCode: row.area_code,
    status: row.status,
    category: row.category,
    colour: row.colour,
    channel: row.channel,
    discoveredOn: row.discovered_on,
    headName: maskName(row.head_name),
    memberCount: row.member_count,
    responseDueDate: row.response_due_date,
  };
}
