import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HealthController } from '@prp/service-kit';
import { API_KEY_HEADER, covers, overlaps, type ApiKeyPrincipal } from './api-key';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { OutsideAreaException, ScopeForbiddenException } from './access-errors';
import { ApiKeysService } from './api-keys.service';
import { TargetAreaResolver, type RequestParts } from './target-areas';

interface GuardedRequest extends RequestParts {
  headers: Record<string, string | string[] | undefined>;
  apiKey?: ApiKeyPrincipal;
}

/**
 * Every route needs an area key unless it is marked open: a route with no rule at all is refused, so a
 * new endpoint is closed until someone decides who may call it. Order: key (401), scope (403), area (403).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly targets: TargetAreaResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || context.getClass() === HealthController) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | 'OPEN' | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule === 'OPEN') return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers[API_KEY_HEADER];
    const key = await this.keys.authenticate(Array.isArray(header) ? header[0] : header);
    if (!rule) throw new ScopeForbiddenException([]);
    if (rule.scopes.length > 0 && !rule.scopes.some((scope) => key.scopes.includes(scope)))
      throw new ScopeForbiddenException(rule.scopes);
    if (rule.target) await this.checkArea(key, rule, request);
    request.apiKey = key;
    return true;
  }

  private async checkArea(key: ApiKeyPrincipal, rule: AccessRule, request: GuardedRequest): Promise<void> {
    if (!rule.target) return;
    const target = await this.targets.resolve(rule.target, request);
    if (target.mode === 'overlap') {
      if (target.areaCodes.length > 0 && !target.areaCodes.some((code) => overlaps(key, code)))
        throw new OutsideAreaException(target.areaCodes.join('、'), key.areaCode, target.field);
      return;
    }
    const outside = target.areaCodes.find((code) => !covers(key, code));
    if (outside) throw new OutsideAreaException(outside, key.areaCode, target.field);
  }
}
