import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type Observation } from '../../../reporting/domain/observation';
import { type StudyReference } from '../../domain/result-record';

/**
 * A result in the registry. The three indexes are the migration's (a covering partial index for "already
 * done?", the patient's results newest first, the result of a report), so they are not synchronised here.
 */
@Entity({ name: 'result_record' })
@Index('result_record_recognition_idx', { synchronize: false })
@Index('result_record_patient_idx', { synchronize: false })
@Index('result_record_report_uq', { synchronize: false })
@Check('result_record_status_check', `status IN ('final', 'amended', 'entered-in-error')`)
@Check('result_record_data_class_check', `data_class IN ('general', 'infectious-disease', 'psychiatric')`)
export class ResultRecordOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode!: string;
  @Column({ name: 'item_kind', type: 'text' }) itemKind!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'report_id', type: 'uuid', nullable: true }) reportId!: string | null;
  @Column({ name: 'report_version', type: 'integer' }) reportVersion!: number;
  @Column({ name: 'performer_institution_id', type: 'uuid' }) performerInstitutionId!: string;
  @Column({ name: 'performer_group_id', type: 'uuid', nullable: true }) performerGroupId!: string | null;
  @Column({ name: 'performer_region_id', type: 'uuid', nullable: true }) performerRegionId!: string | null;
  @Column({ name: 'performer_accredited', type: 'boolean' }) performerAccredited!: boolean;
  @Column({ name: 'performer_quality_control_passed', type: 'boolean' })
  performerQualityControlPassed!: boolean;
  @Column({ name: 'performed_at', type: 'timestamptz' }) performedAt!: Date;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
  @Column({ type: 'jsonb' }) observations!: Observation[];
  @Column({ type: 'text' }) conclusion!: string;
  @Column({ type: 'jsonb', nullable: true }) study!: StudyReference | null;
  @Column({ name: 'data_class', type: 'text' }) dataClass!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'entered_in_error_reason', type: 'text', nullable: true })
  enteredInErrorReason!: string | null;
  @Column({ type: 'integer' }) version!: number;
}
