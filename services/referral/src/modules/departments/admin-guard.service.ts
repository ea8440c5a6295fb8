import { createHash, timingSafeEqual } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REFERRAL_CONFIG, type ReferralConfig } from '../../config/referral.config';
import { AdminForbiddenException } from '../shared/referral-errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Admin endpoints need `x-admin-token` equal to REFERRAL_ADMIN_TOKEN; without that variable they are off. */
@Injectable()
export class AdminGuardService {
  constructor(@Inject(REFERRAL_CONFIG) private readonly config: ReferralConfig) {}

  check(token: string | undefined): void {
    const expected = this.config.REFERRAL_ADMIN_TOKEN;
    if (!expected || !token || !timingSafeEqual(digest(token), digest(expected))) throw new AdminForbiddenException();
  }
}
