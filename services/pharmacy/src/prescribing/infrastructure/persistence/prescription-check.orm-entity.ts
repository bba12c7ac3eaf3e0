import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type RecordedLine } from '../../domain/prescription-record';

/** A CheckPrescription call as recorded: written once, in one statement with its audit row. */
@Entity({ name: 'prescription_check' })
@Index('prescription_check_institution_idx', ['institutionId', 'checkedAt'])
@Index('prescription_check_group_idx', ['groupId', 'checkedAt'])
export class PrescriptionCheckOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'prescriber_subject', type: 'text' }) prescriberSubject!: string;
  @Column({ name: 'prescriber_role', type: 'text' }) prescriberRole!: string;
  @Column({ name: 'practitioner_id', type: 'uuid', nullable: true }) practitionerId!: string | null;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt!: Date;
  @Column({ type: 'text' }) outcome!: string;
  @Column({ type: 'jsonb' }) lines!: RecordedLine[];
  @Column({ name: 'catalogued_lines', type: 'integer' }) cataloguedLines!: number;
  @Column({ name: 'essential_lines', type: 'integer' }) essentialLines!: number;
  @Column({ name: 'volume_based_lines', type: 'integer' }) volumeBasedLines!: number;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  @Column({ name: 'essential_amount_fen', type: 'bigint' }) essentialAmountFen!: string;
  @Column({ name: 'volume_based_amount_fen', type: 'bigint' }) volumeBasedAmountFen!: string;
  @Column({ name: 'long_accepted', type: 'integer' }) longAccepted!: number;
  @Column({ name: 'long_capped', type: 'integer' }) longCapped!: number;
}
