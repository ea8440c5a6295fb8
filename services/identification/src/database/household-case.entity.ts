import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type CaseStatus = 'SUSPECTED' | 'RESPONDED' | 'BLUE_WATCH' | 'SCREENED_OUT' | 'DUPLICATE_SUSPECTED' | 'MERGED';

/** Statuses of a case that is open: a member found again is a suspected duplicate of it. */
export const OPEN_CASE_STATUSES: CaseStatus[] = ['SUSPECTED', 'RESPONDED', 'BLUE_WATCH'];

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

  @Column({ name: 'response_due_date', type: 'date', nullable: true })
  responseDueDate!: string | null;

  @Column({ name: 'identification_month', type: 'text', nullable: true })
  identificationMonth!: string | null;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text', nullable: true })
  colour!: string | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: string | null;

  /** The screening result at intake (rules, inputs, reasons, policy version). json, not jsonb: migration 530. */
  @Column({ type: 'json', nullable: true })
  screening!: object | null;

  /** The submitted facts with ID numbers masked (the numbers live encrypted in household_member). json: see above. */
  @Column({ type: 'json', nullable: true })
  facts!: object | null;

  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf!: string | null;

  /** The screening campaign (摸排) this household was imported in, if any. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** A reviewer's decision on a suspected duplicate: { decision: MERGED | DISMISSED, reviewer, reviewedAt, reason }. */
  @Column({ name: 'duplicate_review', type: 'jsonb', nullable: true })
  duplicateReview!: object | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  /**
   * Set when changed facts of a case in the approval chain no longer qualify (Chinese, for the clerk):
   * { code, message, revisionNo, at }. The chain's officials decide; cleared when a later change qualifies.
   */
  @Column({ name: 'screening_warning', type: 'jsonb', nullable: true })
  screeningWarning!: object | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
