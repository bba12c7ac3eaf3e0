import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import {
  type GreenChannel,
  type ReferralSlot,
  type ResultReference,
  type TreatmentPlan,
} from '../../domain/referral-content';
import { type ReferralDirection } from '../../domain/referral-direction';
import { type ReferralStatus } from '../../domain/referral-status';

// The defaults are the migration's: columns added to a table that already had rows. Every write
// sets every column, so they never decide a value. Indexes marked `synchronize: false` are partial
// (made by the migration); the check compares the others by name and columns.
@Entity({ name: 'referral' })
@Index('referral_client_request_uq', ['referringInstitutionId', 'clientRequestId'], { unique: true })
@Index('referral_group_idx', ['groupId', 'createdAt', 'id'])
@Index('referral_referring_idx', ['referringInstitutionId', 'createdAt', 'id'])
@Index('referral_receiving_idx', ['receivingInstitutionId', 'createdAt', 'id'])
@Index('referral_patient_idx', ['patientResidentId', 'createdAt'])
@Index('referral_due_idx', { synchronize: false })
@Index('referral_expiry_idx', { synchronize: false })
export class ReferralOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'client_request_id', type: 'uuid' }) clientRequestId!: string;
  @Column({ name: 'patient_resident_id', type: 'char', length: 18 }) patientResidentId!: string;
  @Column({ name: 'referring_institution_id', type: 'uuid' }) referringInstitutionId!: string;
  /** Null on an upward draft that is still to be routed. */
  @Column({ name: 'receiving_institution_id', type: 'uuid', nullable: true })
  receivingInstitutionId!: string | null;
  @Column({ name: 'receiving_department_id', type: 'text', default: '' }) receivingDepartmentId!: string;
  @Column({ name: 'specialty_code', type: 'text', default: '' }) specialtyCode!: string;
  @Column({ type: 'text' }) direction!: ReferralDirection;
  @Column({ type: 'text' }) status!: ReferralStatus;
  @Column({ name: 'icd10_code', type: 'text' }) icd10Code!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'indication_codes', type: 'text', array: true, default: '{}' }) indicationCodes!: string[];
  @Column({ name: 'matched_indication_codes', type: 'text', array: true, default: '{}' })
  matchedIndicationCodes!: string[];
  @Column({ name: 'without_indication', type: 'boolean', default: false }) withoutIndication!: boolean;
  @Column({ type: 'text', default: '' }) justification!: string;
  @Column({ name: 'green_channel', type: 'text', default: 'none' }) greenChannel!: GreenChannel;
  @Column({ name: 'contracted_priority', type: 'boolean', default: false }) contractedPriority!: boolean;
  @Column({ type: 'jsonb', default: [] }) results!: ResultReference[];
  @Column({ name: 'treatment_plan', type: 'jsonb', nullable: true }) treatmentPlan!: TreatmentPlan | null;
  @Column({ name: 'met_criteria_codes', type: 'text', array: true, default: '{}' })
  metCriteriaCodes!: string[];
  @Column({ name: 'upward_referral_id', type: 'text', default: '' }) upwardReferralId!: string;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'deadline_breached_at', type: 'timestamptz', nullable: true })
  deadlineBreachedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) slot!: ReferralSlot | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true }) arrivedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'outcome_reason', type: 'text', default: '' }) outcomeReason!: string;
  @Column({ name: 'follow_up_count', type: 'integer', default: 0 }) followUpCount!: number;
  @Column({ type: 'integer' }) version!: number;
}
