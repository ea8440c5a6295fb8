import { AreaDirectory } from './area-directory';
import { AreasController } from './areas.controller';
import { CreateAreaService } from './create-area/create-area.service';

export const areaControllers = [AreasController];
export const areaProviders = [AreaDirectory, CreateAreaService];
