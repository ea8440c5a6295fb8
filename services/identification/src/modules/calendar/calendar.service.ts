import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { WorkingDayCalendar, type CalendarOverride, type DeadlineResult } from '@prp/calendar';
import { DATA_SOURCE } from '@prp/service-kit';
import { CalendarOverrideEntity } from '../../database';

const CACHE_MS = 30_000;

/** The working-day calendar: built-in State Council data plus this province's overrides from the database. */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingDayCalendar; loadedAt: number };

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async calendar(): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_MS) return this.cached.calendar;
    const rows = await this.dataSource.getRepository(CalendarOverrideEntity).find({ order: { date: 'ASC' } });
    const overrides: CalendarOverride[] = rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name ?? undefined }));
    const calendar = WorkingDayCalendar.withOverrides(overrides);
    this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  async deadline(from: string, workingDays: number): Promise<DeadlineResult> {
    return (await this.calendar()).addWorkingDays(from, workingDays);
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
