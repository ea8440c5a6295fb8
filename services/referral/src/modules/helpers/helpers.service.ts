import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { AssignmentService } from '../assignment/assignment.service';
import { areaPrefix } from '../assignment/domain/area';
import { todayInShanghai } from '../shared/dates';
import { HelperNotFoundException } from '../shared/referral-errors';
import type { CreateHelper, ListHelpersQuery, UpdateAvailability } from './helpers.dto';

const HELPER_COLUMNS = `h.id, h.name, h.level, h.unit, h.area_code AS "areaCode", h.capacity, h.availability,
  to_char(h.availability_since, 'YYYY-MM-DD') AS "availabilitySince",
  (SELECT count(*)::int FROM helper_assignment a WHERE a.helper_id = h.id AND a.ended_on IS NULL) AS "activeHouseholds"`;

/** The helper registry (帮扶干部库). */
@Injectable()
export class HelpersService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly assignment: AssignmentService,
  ) {}

  async create(input: CreateHelper) {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO helper (id, name, level, unit, area_code, capacity) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, input.name, input.level, input.unit, input.areaCode, input.capacity],
    );
    return this.get(id);
  }

  async get(id: string) {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${HELPER_COLUMNS} FROM helper h WHERE h.id = $1`,
      [id],
    );
    if (!rows[0]) throw new HelperNotFoundException(id);
    return rows[0];
  }

  async list(q: ListHelpersQuery) {
    const rows: (Record<string, unknown> & { total: number })[] = await this.dataSource.query(
      `SELECT ${HELPER_COLUMNS}, count(*) OVER ()::int AS total FROM helper h
       WHERE h.area_code LIKE $1 AND ($2::text IS NULL OR h.level = $2) AND ($3::text IS NULL OR h.availability = $3)
       ORDER BY h.area_code, h.name, h.id LIMIT $4 OFFSET $5`,
      [
        `${q.areaCode ? areaPrefix(q.areaCode) : ''}%`,
        q.level ?? null,
        q.availability ?? null,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ],
    );
    return {
      page: q.page,
      pageSize: q.pageSize,
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _t, ...item }) => item),
    };
  }

  /**
   * A cadre who is transferred, retires, falls ill or goes on leave: each household of theirs gets a replacement
   * proposal (the cadre stays its helper until the replacement is assigned). Back to AVAILABLE withdraws the open
   * proposals and changes no household.
   */
  async updateAvailability(id: string, input: UpdateAvailability) {
    const since = input.since ?? todayInShanghai();
    const proposals = await this.dataSource.transaction(async (manager) => {
      const rows: { availability: string }[] = await manager.query(
        `SELECT availability FROM helper WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!rows[0]) throw new HelperNotFoundException(id);
      await manager.query(
        `UPDATE helper SET availability = $2, availability_since = $3, updated_at = now() WHERE id = $1`,
        [id, input.availability, since],
      );
      if (input.availability === 'AVAILABLE') {
        // Back at work before the replacement was assigned: the open proposals are withdrawn.
        await manager.query(
          `UPDATE replacement_proposal SET status = 'WITHDRAWN', resolved_at = now() WHERE old_helper_id = $1 AND status = 'PROPOSED'`,
          [id],
        );
        return 0;
      }
      return this.assignment.proposeReplacementsIn(manager, id, input.availability, since);
    });
    return { helper: await this.get(id), replacementProposals: proposals };
  }
}
