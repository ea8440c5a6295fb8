import { CreateMessagingTables1732000000000 } from '@prp/messaging';

export const REFERRAL_SCHEMA = 'referral';
/** Domain tables arrive with the referral capability; the outbox and processed-event tables are here from the start. */
export const REFERRAL_ENTITIES = [];
export const REFERRAL_MIGRATIONS = [CreateMessagingTables1732000000000];
