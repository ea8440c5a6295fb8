import { CreateMessagingTables1732000000000 } from '@prp/messaging';

export const SUBSIDY_SCHEMA = 'subsidy';
/** Domain tables arrive with the subsidy capability; the outbox and processed-event tables are here from the start. */
export const SUBSIDY_ENTITIES = [];
export const SUBSIDY_MIGRATIONS = [CreateMessagingTables1732000000000];
