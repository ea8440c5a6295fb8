import { CountyFiguresController } from './county-figures.controller';
import { CountyFiguresService } from './county-figures.service';
import { MonitoredHouseholdsRepository } from './monitored-households.repository';

export const countyFiguresControllers = [CountyFiguresController];
export const countyFiguresProviders = [CountyFiguresService, MonitoredHouseholdsRepository];
