import type { ServiceDataSourceOptions } from '@prp/persistence';
import { IDENTIFICATION_ENTITIES, IDENTIFICATION_MIGRATIONS, IDENTIFICATION_SCHEMA } from '../../services/identification/src/database';
import { REFERRAL_ENTITIES, REFERRAL_MIGRATIONS, REFERRAL_SCHEMA } from '../../services/referral/src/database';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS, REPORTING_SCHEMA } from '../../services/reporting/src/database';
import { SUBSIDY_ENTITIES, SUBSIDY_MIGRATIONS, SUBSIDY_SCHEMA } from '../../services/subsidy/src/database';

type SchemaSpec = Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;

/** Every service's schema and migrations, for the migrate command and the test harness. */
export const SERVICE_SCHEMAS: SchemaSpec[] = [
  { schema: IDENTIFICATION_SCHEMA, entities: IDENTIFICATION_ENTITIES, migrations: IDENTIFICATION_MIGRATIONS },
  { schema: REFERRAL_SCHEMA, entities: REFERRAL_ENTITIES, migrations: REFERRAL_MIGRATIONS },
  { schema: SUBSIDY_SCHEMA, entities: SUBSIDY_ENTITIES, migrations: SUBSIDY_MIGRATIONS },
  { schema: REPORTING_SCHEMA, entities: REPORTING_ENTITIES, migrations: REPORTING_MIGRATIONS },
];
