import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A per-date correction of the built-in holiday data (e.g. a newly announced 调休). */
@Entity({ name: 'calendar_override' })
export class CalendarOverrideEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  kind!: 'HOLIDAY' | 'WORKDAY';

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
