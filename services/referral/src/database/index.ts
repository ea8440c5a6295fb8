import { CreateMessagingTables1732000000000 } from '@prp/messaging';
import { InitReferral1732000000500 } from './migrations/1732000000500-init-referral';

export const REFERRAL_SCHEMA = 'referral';
/** The referral service works with SQL through its data source; it maps no entities of its own. */
export const REFERRAL_ENTITIES = [];
export const REFERRAL_MIGRATIONS = [CreateMessagingTables1732000000000, InitReferral1732000000500];
