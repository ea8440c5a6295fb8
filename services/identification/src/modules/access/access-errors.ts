import { ForbiddenException, UnauthorizedException } from '@nestjs/common';

export const ACCESS_ERRORS = {
  keyRequired: 'AUTH.KEY_REQUIRED',
  keyInvalid: 'AUTH.KEY_INVALID',
  scope: 'AUTH.SCOPE',
  outsideArea: 'AUTH.OUTSIDE_AREA',
  adminForbidden: 'AUTH.ADMIN_FORBIDDEN',
} as const;

export class ApiKeyRequiredException extends UnauthorizedException {
  constructor() {
    super({ code: ACCESS_ERRORS.keyRequired, field: 'x-api-key', message: '缺少API密钥（请求头 x-api-key）' });
  }
}

export class ApiKeyInvalidException extends UnauthorizedException {
  constructor() {
    super({ code: ACCESS_ERRORS.keyInvalid, field: 'x-api-key', message: 'API密钥无效或已吊销' });
  }
}

export class ScopeForbiddenException extends ForbiddenException {
  constructor(needed: readonly string[]) {
    const what = needed.length ? `需要权限：${needed.join(' 或 ')}` : '该接口未开放';
    super({ code: ACCESS_ERRORS.scope, field: 'x-api-key', message: `该API密钥无权执行此操作（${what}）` });
  }
}

/** The target (a case, village, county, region …) lies outside the key's area. */
export class OutsideAreaException extends ForbiddenException {
  constructor(areaCode: string, keyArea: string, field = 'areaCode') {
    super({ code: ACCESS_ERRORS.outsideArea, field, message: outsideAreaMessage(areaCode, keyArea) });
  }
}

export function outsideAreaMessage(areaCode: string, keyArea: string): string {
  return `区划${areaCode}不在该API密钥的管辖区划${keyArea}范围内`;
}

export class AdminForbiddenException extends ForbiddenException {
  constructor() {
    super({
      code: ACCESS_ERRORS.adminForbidden,
      message: '缺少或无效的管理令牌（请求头 x-admin-token），或管理接口未启用',
    });
  }
}
