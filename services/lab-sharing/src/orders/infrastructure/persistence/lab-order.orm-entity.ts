import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An order's exam data as stored: the ExamData union with its instants as ISO text. */
export type ExamJson =
  | {
      kind: 'imaging-study';
      study: { studyInstanceUid: string; accessionNumber: string; modalities: string[]; performedAt: string };
    }
  | { kind: 'ecg-trace'; trace: { traceId: string; format: string; leads: number; recordedAt: string } }
  | { kind: 'specimen'; specimen: { barcode: string; specimen: string; collectedAt: string } }
  | { kind: 'consultation' };

/** One order to a shared centre (`order` is an SQL keyword, hence lab_order). */
@Entity({ name: 'lab_order' })
@Index('lab_order_site_idx', ['orderingInstitutionId', 'placedAt', 'id'])
@Index('lab_order_centre_idx', ['centreId', 'placedAt', 'id'])
@Check('lab_order_status_check', `status IN ('placed', 'performed', 'reported', 'cancelled')`)
@Check('lab_order_urgency_check', `urgency IN ('routine', 'urgent', 'emergency')`)
export class LabOrderOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'centre_id', type: 'uuid' }) centreId!: string;
  @Column({ name: 'ordering_institution_id', type: 'uuid' }) orderingInstitutionId!: string;
  @Column({ name: 'ordering_practitioner_id', type: 'uuid' }) orderingPractitionerId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode!: string;
  @Column({ name: 'item_kind', type: 'text' }) itemKind!: string;
  @Column({ name: 'item_modality', type: 'text', nullable: true }) itemModality!: string | null;
  @Column({ name: 'item_specimen', type: 'text', nullable: true }) itemSpecimen!: string | null;
  @Column({ name: 'item_data_class', type: 'text' }) itemDataClass!: string;
  @Column({ name: 'clinical_info', type: 'text' }) clinicalInfo!: string;
  @Column({ type: 'text' }) urgency!: string;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId!: string | null;
  @Column({ name: 'lookup_id', type: 'uuid', nullable: true }) lookupId!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'placed_at', type: 'timestamptz' }) placedAt!: Date;
  @Column({ type: 'jsonb', nullable: true }) exam!: ExamJson | null;
  @Column({ name: 'performed_at', type: 'timestamptz', nullable: true }) performedAt!: Date | null;
  @Column({ name: 'report_id', type: 'uuid', nullable: true }) reportId!: string | null;
  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true }) reportedAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
}
