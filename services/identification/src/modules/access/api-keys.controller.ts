import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema, parseOrThrow } from '@prp/service-kit';
import { AdminGuardService } from './admin-guard.service';
import { API_KEY_SCOPES } from './api-key';
import { OpenAccess } from './access.decorators';
import { ApiKeysService } from './api-keys.service';

const CreateKeySchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('密钥名称（使用系统，如“东富镇乡镇系统”）'),
    areaCode: z
      .string()
      .regex(/^\d{12}$/, { message: '区划代码必须为12位数字' })
      .describe('管辖区划（覆盖本级及全部下级；000000000000为全国）'),
    scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, { message: '至少一项权限' }).describe('权限'),
  })
  .strict();
type CreateKey = z.infer<typeof CreateKeySchema>;
const KeyIdSchema = z.object({ id: z.uuid({ message: '密钥ID必须为UUID' }) });

/** Issuing and revoking area keys; guarded by `x-admin-token`, not by an area key. */
@ApiTags('admin')
@OpenAccess()
@ApiHeader({ name: 'x-admin-token', required: true })
@Controller('api/v1/admin/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly admin: AdminGuardService,
  ) {}

  @Post()
  @ApiOperation({ summary: '签发区划API密钥（密钥只显示这一次，库中只存哈希）' })
  @ApiBody({ schema: openApiSchema(CreateKeySchema) })
  create(@Headers('x-admin-token') token: string | undefined, @Body() body: unknown) {
    this.admin.check(token);
    const request: CreateKey = parseOrThrow(CreateKeySchema, body);
    return this.keys.create(request.name, request.areaCode, request.scopes);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: '吊销API密钥（立即失效）' })
  revoke(@Headers('x-admin-token') token: string | undefined, @Param('id') id: string) {
    this.admin.check(token);
    return this.keys.revoke(parseOrThrow(KeyIdSchema, { id }).id);
  }
}
