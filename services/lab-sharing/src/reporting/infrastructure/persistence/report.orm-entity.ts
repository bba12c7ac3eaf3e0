import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { type ContentJson } from './report-version.orm-entity';

/** A centre's report on one order; its signed versions are report_version rows. */
@Entity({ name: 'report' })
@Unique('report_order_uq', ['orderId'])
@Index('report_worklist_idx', ['centreId', 'status', 'urgencyRank', 'receivedAt', 'id'])
@Index('report_claim_idx', ['status', 'claimActiveAt'])
@Check('report_status_check', `status IN ('waiting', 'in-progress', 'signed', 'cancelled')`)
export class ReportOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @Column({ name: 'centre_id', type: 'uuid' }) centreId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'ordering_institution_id', type: 'uuid' }) orderingInstitutionId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode!: string;
  @Column({ name: 'item_kind', type: 'text' }) itemKind!: string;
  @Column({ type: 'text' }) urgency!: string;
  /** urgencyRank of the urgency: the worklist's first sort key. */
  @Column({ name: 'urgency_rank', type: 'smallint' }) urgencyRank!: number;
  @Column({ name: 'item_data_class', type: 'text' }) itemDataClass!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true }) claimedBy!: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  /** The claimant's last save. */
  @Column({ name: 'claim_active_at', type: 'timestamptz', nullable: true }) claimActiveAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) draft!: ContentJson | null;
  @Column({ type: 'integer' }) version!: number;
}
