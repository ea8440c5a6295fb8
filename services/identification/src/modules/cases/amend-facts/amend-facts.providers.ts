import { AmendFactsController } from './amend-facts.controller';
import { AmendFactsService } from './amend-facts.service';
import { CaseRescreener } from './case-rescreener';

/** Needs DATA_SOURCE, IDENTIFICATION_CONFIG, PolicyService and CalendarService beside them. */
export const amendFactsControllers = [AmendFactsController];
export const amendFactsProviders = [CaseRescreener, AmendFactsService];
