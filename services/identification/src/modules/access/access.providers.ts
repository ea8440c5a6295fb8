import { APP_GUARD } from '@nestjs/core';
import { AdminGuardService } from './admin-guard.service';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { TargetAreaResolver } from './target-areas';

export const accessControllers = [ApiKeysController];
/** Needs DATA_SOURCE, IDENTIFICATION_CONFIG and AreaDirectory; installs the key guard on every route. */
export const accessProviders = [
  AdminGuardService,
  ApiKeysService,
  TargetAreaResolver,
  { provide: APP_GUARD, useClass: ApiKeyGuard },
];
