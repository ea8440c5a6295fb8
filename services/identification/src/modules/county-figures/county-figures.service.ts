import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { AreaDirectory } from '../areas/area-directory';
import { AreaNotFoundException, AreaRuleException } from '../areas/area-errors';
import type { AreaNode } from '../areas/area-tree';
import { PolicyIncompleteException } from '../policy/policy-errors';
import { PolicyService } from '../policy/policy.service';
import { countyFigures, type CountyFigures } from './county-figures';
import { MonitoredHouseholdsRepository } from './monitored-households.repository';

@Injectable()
export class CountyFiguresService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly directory: AreaDirectory,
    private readonly policy: PolicyService,
    private readonly monitored: MonitoredHouseholdsRepository,
  ) {}

  /** The scale check of a county on a day, with the threshold of the policy in force then. */
  async figures(countyCode: string, on: string): Promise<CountyFigures> {
    const county = await this.county(countyCode);
    const effective = await this.policy.effective(countyCode, on);
    const threshold = effective.values.scale_warning_basis_points;
    if (threshold === undefined) throw new PolicyIncompleteException(effective.version, ['scale_warning_basis_points']);
    const [monitoredHouseholds, registeredPoorPopulation] = await Promise.all([
      this.monitored.count(countyCode),
      this.population(countyCode),
    ]);
    return countyFigures({
      countyCode,
      countyName: county.name,
      monitoredHouseholds,
      registeredPoorPopulation,
      thresholdBasisPoints: threshold,
    });
  }

  async setPopulation(countyCode: string, population: number): Promise<void> {
    await this.county(countyCode);
    await this.dataSource.query(`UPDATE area SET registered_poor_population = $2 WHERE code = $1`, [
      countyCode,
      population,
    ]);
  }

  private async county(code: string): Promise<AreaNode> {
    const area = await this.directory.find(code);
    if (!area) throw new AreaNotFoundException(code);
    if (area.level !== 'COUNTY') {
      throw new AreaRuleException('AREA.NOT_A_COUNTY', 'code', `${code}（${area.name}）不是区县级区划`);
    }
    return area;
  }

  private async population(code: string): Promise<number | null> {
    const [row] = await this.dataSource.query(`SELECT registered_poor_population AS p FROM area WHERE code = $1`, [
      code,
    ]);
    return row?.p ?? null;
  }
}
