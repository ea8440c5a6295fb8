import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import { API_KEY_HEADER, type ApiKeyPrincipal, type ApiKeyScope } from './api-key';

export const ACCESS_RULE = 'identification:access-rule';

/** Where the area an operation touches comes from; the guard checks the key covers it. */
export type AreaTarget =
  /** A case (or duplicate submission) by its id in a route parameter. */
  | { from: 'case'; param: string }
  /** A screening campaign by id: the key's area must share ground with the campaign's areas. */
  | { from: 'campaign'; param: string }
  /** A county code (6 digits or 12) in a route parameter. */
  | { from: 'county'; param: string }
  /** An area code in a route parameter. */
  | { from: 'param'; param: string }
  /** An area code (or a list of them) in a body field. */
  | { from: 'body'; field: string }
  /** A fixed area, e.g. the whole country for the national holiday calendar. */
  | { from: 'fixed'; areaCode: string };

export interface AccessRule {
  /** Any one of these suffices; empty: any valid key. */
  scopes: ApiKeyScope[];
  target?: AreaTarget;
}

/** The endpoint needs a valid `x-api-key` with one of the scopes, covering the target's area. */
export function RequireKey(scopes: ApiKeyScope[], target?: AreaTarget) {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { scopes, target } satisfies AccessRule),
    ApiSecurity('api-key'),
    ApiHeader({ name: API_KEY_HEADER, required: true, description: '区划API密钥（覆盖本区划及其下级）' }),
  );
}

/** Reference data the worker and the public read; also endpoints with their own token (admin). */
export const OpenAccess = () => SetMetadata(ACCESS_RULE, 'OPEN');

/** The authenticated key of the request (set by the guard). */
export const CurrentKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): ApiKeyPrincipal | undefined =>
    context.switchToHttp().getRequest<{ apiKey?: ApiKeyPrincipal }>().apiKey,
);
