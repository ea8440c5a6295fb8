import { CreateMessagingTables1732000000000 } from '@prp/messaging';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { HouseholdCaseEntity } from './household-case.entity';
import { InitIdentification1732000000100 } from './migrations/1732000000100-init-identification';
import { AreasAndPolicy1732000000110 } from './migrations/1732000000110-areas-and-policy';
import { HouseholdFacts1732000000200 } from './migrations/1732000000200-household-facts';
import { CampaignsAndDuplicates1732000000210 } from './migrations/1732000000210-campaigns-and-duplicates';
import { PolicyDefaults1732000000300 } from './migrations/1732000000300-policy-defaults';
import { AreaTree1732000000310 } from './migrations/1732000000310-area-tree';
import { ApprovalLedger1732000000420 } from './migrations/1732000000420-approval-ledger';
import { AssistancePolicyKeys1732000000430 } from './migrations/1732000000430-assistance-policy-keys';
import { ApiKeys1732000000440 } from './migrations/1732000000440-api-keys';
import { FactsRevisions1732000000460 } from './migrations/1732000000460-facts-revisions';
import { OpenCaseLookup1732000000470 } from './migrations/1732000000470-open-case-lookup';
import { SetCheckedReferences1732000000480 } from './migrations/1732000000480-set-checked-references';
import { LockThenFindOpenCases1732000000490 } from './migrations/1732000000490-lock-then-find-open-cases';
import { AreaPrefixIndexes1732000000500 } from './migrations/1732000000500-area-prefix-indexes';
import { NoStatisticsOnDocuments1732000000510 } from './migrations/1732000000510-no-statistics-on-documents';
import { ArrayLookupOfOpenCases1732000000520 } from './migrations/1732000000520-array-lookup-of-open-cases';
import { CaseDocumentsAsJson1732000000530 } from './migrations/1732000000530-case-documents-as-json';
import { HashedIdNumberIndex1732000000540 } from './migrations/1732000000540-hashed-id-number-index';

export const IDENTIFICATION_SCHEMA = 'identification';
export const IDENTIFICATION_ENTITIES = [HouseholdCaseEntity, CalendarOverrideEntity];
export const IDENTIFICATION_MIGRATIONS = [
  CreateMessagingTables1732000000000,
  InitIdentification1732000000100,
  AreasAndPolicy1732000000110,
  HouseholdFacts1732000000200,
  CampaignsAndDuplicates1732000000210,
  PolicyDefaults1732000000300,
  AreaTree1732000000310,
  ApprovalLedger1732000000420,
  AssistancePolicyKeys1732000000430,
  ApiKeys1732000000440,
  FactsRevisions1732000000460,
  OpenCaseLookup1732000000470,
  SetCheckedReferences1732000000480,
  LockThenFindOpenCases1732000000490,
  AreaPrefixIndexes1732000000500,
  NoStatisticsOnDocuments1732000000510,
  ArrayLookupOfOpenCases1732000000520,
  CaseDocumentsAsJson1732000000530,
  HashedIdNumberIndex1732000000540,
];
export { HouseholdCaseEntity, CalendarOverrideEntity };
