import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type CaseStatus = 'SUSPECTED' | 'RESPONDED';

/** A suspected household (疑似监测户) as submitted by a township or village system. */
@Entity({ name: 'household_case' })
export class HouseholdCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_no', type: 'text', unique: true })
  caseNo!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  /** sha256 of the canonical request, to tell a retry from a different household under the same key. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'area_code', type: 'text' })
  areaCode!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'discovered_on', type: 'date' })
  discoveredOn!: string;

  @Column({ name: 'discovered_by', type: 'text' })
  discoveredBy!: string;

  @Column({ name: 'head_name', type: 'text' })
  headName!: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount!: number;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ name: 'response_due_date', type: 'date' })
  responseDueDate!: string;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
