import { CreateMessagingTables1732000000000 } from '@prp/messaging';
import { InitReporting1732000000400 } from './migrations/1732000000400-init-reporting';
import { CaseStages1732000000410 } from './migrations/1732000000410-case-stages';
import { OverdueSubjects1732000000420 } from './migrations/1732000000420-overdue-subjects';
import { AssistanceResolutions1732000000430 } from './migrations/1732000000430-assistance-resolutions';

export const REPORTING_SCHEMA = 'reporting';
export const REPORTING_ENTITIES = [];
export const REPORTING_MIGRATIONS = [
  CreateMessagingTables1732000000000,
  InitReporting1732000000400,
  CaseStages1732000000410,
  OverdueSubjects1732000000420,
  AssistanceResolutions1732000000430,
];
