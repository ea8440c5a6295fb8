import { createHash, timingSafeEqual } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTIFICATION_CONFIG, type IdentificationConfig } from '../../config/identification.config';
import { AdminForbiddenException } from './access-errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Admin endpoints need `x-admin-token` equal to IDENTIFICATION_ADMIN_TOKEN; without that variable they are off. */
@Injectable()
export class AdminGuardService {
  constructor(@Inject(IDENTIFICATION_CONFIG) private readonly config: IdentificationConfig) {}

  check(token: string | undefined): void {
    const expected = this.config.IDENTIFICATION_ADMIN_TOKEN;
    if (!expected || !token || !timingSafeEqual(digest(token), digest(expected))) throw new AdminForbiddenException();
  }
}
