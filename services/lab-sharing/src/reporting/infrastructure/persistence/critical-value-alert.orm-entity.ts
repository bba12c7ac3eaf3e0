import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReportOrmEntity } from './report.orm-entity';

/** A critical value (危急值) of a signed report version, until a clinician of the ordering site acknowledges it. */
@Entity({ name: 'critical_value_alert' })
@Index('critical_value_alert_site_idx', ['orderingInstitutionId', 'raisedAt', 'id'])
@Index('critical_value_alert_due_idx', ['status', 'acknowledgeBy'])
@Check('critical_value_alert_status_check', `status IN ('raised', 'escalated', 'acknowledged')`)
export class CriticalValueAlertOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'report_id', type: 'uuid' }) reportId!: string;
  @ManyToOne(() => ReportOrmEntity, { nullable: false })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'critical_value_alert_report_id_fkey' })
  report?: ReportOrmEntity;
  @Column({ name: 'report_version', type: 'integer' }) reportVersion!: number;
  @Column({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'centre_id', type: 'uuid' }) centreId!: string;
  @Column({ name: 'ordering_institution_id', type: 'uuid' }) orderingInstitutionId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'acknowledge_by', type: 'timestamptz' }) acknowledgeBy!: Date;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @Column({ type: 'integer' }) version!: number;
}
