import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { AreaDirectory } from '../area-directory';
import { AreaExistsException } from '../area-errors';
import type { AreaNode } from '../area-tree';
import { checkPlacement } from './check-placement';
import type { CreateAreaRequest } from './create-area.dto';

@Injectable()
export class CreateAreaService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly directory: AreaDirectory,
  ) {}

  /** Adds an area under its parent; a code already taken is a 409, whatever its name. */
  async create(request: CreateAreaRequest): Promise<AreaNode> {
    const existing = await this.directory.find(request.code);
    if (existing) throw new AreaExistsException(existing.code, existing.name);
    const parent = request.parentCode ? await this.directory.find(request.parentCode) : undefined;
    checkPlacement(request, parent);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO area (code, name, level, parent_code, registered_poor_population) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [request.code, request.name, request.level, request.parentCode ?? null, request.registeredPoorPopulation ?? null],
    );
    if (inserted.length === 0) throw new AreaExistsException(request.code, request.name);
    return { code: request.code, name: request.name, level: request.level, parentCode: request.parentCode ?? null };
  }
}
