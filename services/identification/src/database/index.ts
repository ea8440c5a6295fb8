import { CreateMessagingTables1732000000000 } from '@prp/messaging';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { HouseholdCaseEntity } from './household-case.entity';
import { InitIdentification1732000000100 } from './migrations/1732000000100-init-identification';
import { AreasAndPolicy1732000000110 } from './migrations/1732000000110-areas-and-policy';

export const IDENTIFICATION_SCHEMA = 'identification';
export const IDENTIFICATION_ENTITIES = [HouseholdCaseEntity, CalendarOverrideEntity];
export const IDENTIFICATION_MIGRATIONS = [
  CreateMessagingTables1732000000000,
  InitIdentification1732000000100,
  AreasAndPolicy1732000000110,
];
export { HouseholdCaseEntity, CalendarOverrideEntity };
