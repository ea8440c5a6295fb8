import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DepartmentCodeSchema } from '@prp/contracts';
import { openApiSchema, ZodPipe } from '@prp/service-kit';
import { AdminGuardService } from './admin-guard.service';
import { ApiKeysService } from './api-keys.service';

const CreateKeySchema = z.object({ department: DepartmentCodeSchema, label: z.string().trim().min(1).max(200) });
type CreateKey = z.infer<typeof CreateKeySchema>;

@ApiTags('admin')
@Controller('api/v1/admin/department-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly admin: AdminGuardService,
  ) {}

  @Post()
  @ApiOperation({ summary: '为行业部门系统签发API密钥（密钥只显示这一次，库中只存哈希）' })
  @ApiHeader({ name: 'x-admin-token', required: true })
  @ApiBody({ schema: openApiSchema(CreateKeySchema) })
  create(@Headers('x-admin-token') token: string | undefined, @Body(new ZodPipe(CreateKeySchema)) body: CreateKey) {
    this.admin.check(token);
    return this.keys.create(body.department, body.label);
  }
}
