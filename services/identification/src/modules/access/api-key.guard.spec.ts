import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { HealthController } from '@prp/service-kit';
import { keyAreaPrefix, NATIONAL_AREA, type ApiKeyPrincipal, type ApiKeyScope } from './api-key';
import { OpenAccess, RequireKey } from './access.decorators';
import { ApiKeyRequiredException } from './access-errors';
import { ApiKeyGuard } from './api-key.guard';
import type { ApiKeysService } from './api-keys.service';
import { TargetAreaResolver } from './target-areas';

class Routes {
  @OpenAccess() open() {
    return undefined;
  }
  unmarked() {
    return undefined;
  }
  @RequireKey(['COUNTY_APPROVAL'], { from: 'county', param: 'code' }) countyBatch() {
    return undefined;
  }
  @RequireKey(['ADMIN'], { from: 'param', param: 'regionCode' }) policyWrite() {
    return undefined;
  }
  @RequireKey(['ADMIN'], { from: 'fixed', areaCode: NATIONAL_AREA }) calendarWrite() {
    return undefined;
  }
  @RequireKey(['INTAKE'], { from: 'body', field: 'areaCodes' }) createCampaign() {
    return undefined;
  }
}

const COUNTY_KEY = 'county-key';
function principal(areaCode: string, scopes: ApiKeyScope[]): ApiKeyPrincipal {
  return { id: 'id', name: 'name', areaCode, areaPrefix: keyAreaPrefix(areaCode), scopes };
}
const keys = {
  authenticate: async (key: string | undefined) => {
    if (key === COUNTY_KEY) return principal('430281000000', ['COUNTY_APPROVAL', 'ADMIN', 'INTAKE']);
    throw new ApiKeyRequiredException();
  },
} as unknown as ApiKeysService;
const guard = new ApiKeyGuard(new Reflector(), keys, new TargetAreaResolver({} as DataSource));

function context(handler: keyof Routes | 'check', request: object, type: abstract new (...args: never[]) => object = Routes): ExecutionContext {
  const full = { headers: { 'x-api-key': COUNTY_KEY }, params: {}, body: {}, ...request };
  return {
    getType: () => 'http',
    getClass: () => type,
    getHandler: () => (type.prototype as Record<string, unknown>)[handler],
    switchToHttp: () => ({ getRequest: () => full }),
  } as unknown as ExecutionContext;
}
const codeOf = (promise: Promise<boolean>) =>
  promise.then(
    () => 'ALLOWED',
    (error: { getResponse(): { code: string } }) => error.getResponse().code,
  );

describe('area key guard', () => {
  it('lets open routes and /health through without a key', async () => {
    await expect(guard.canActivate(context('open', { headers: {} }))).resolves.toBe(true);
    await expect(guard.canActivate(context('check', { headers: {} }, HealthController))).resolves.toBe(true);
  });

  it('refuses a route nobody marked, even to a valid key, and asks for a key first', async () => {
    await expect(codeOf(guard.canActivate(context('unmarked', { headers: {} })))).resolves.toBe('AUTH.KEY_REQUIRED');
    await expect(codeOf(guard.canActivate(context('unmarked', {})))).resolves.toBe('AUTH.SCOPE');
  });

  it('lets a county key decide its own county batch (6 or 12 digits) and not another county', async () => {
    await expect(codeOf(guard.canActivate(context('countyBatch', { params: { code: '430281' } })))).resolves.toBe(
      'ALLOWED',
    );
    const twelve = context('countyBatch', { params: { code: '430281000000' } });
    await expect(codeOf(guard.canActivate(twelve))).resolves.toBe('ALLOWED');
    const other = context('countyBatch', { params: { code: '450222' } });
    await expect(codeOf(guard.canActivate(other))).resolves.toBe('AUTH.OUTSIDE_AREA');
  });

  it('keeps a county administrator to its own region and off the national calendar and defaults', async () => {
    const own = context('policyWrite', { params: { regionCode: '430281101000' } });
    await expect(codeOf(guard.canActivate(own))).resolves.toBe('ALLOWED');
    const national = context('policyWrite', { params: { regionCode: NATIONAL_AREA } });
    await expect(codeOf(guard.canActivate(national))).resolves.toBe('AUTH.OUTSIDE_AREA');
    await expect(codeOf(guard.canActivate(context('calendarWrite', {})))).resolves.toBe('AUTH.OUTSIDE_AREA');
  });

  it('refuses a campaign when any of its areas lies outside the key', async () => {
    const inside = context('createCampaign', { body: { areaCodes: ['430281101000', '430281102000'] } });
    await expect(codeOf(guard.canActivate(inside))).resolves.toBe('ALLOWED');
    const mixed = context('createCampaign', { body: { areaCodes: ['430281101000', '450222000000'] } });
    await expect(codeOf(guard.canActivate(mixed))).resolves.toBe('AUTH.OUTSIDE_AREA');
  });
});
