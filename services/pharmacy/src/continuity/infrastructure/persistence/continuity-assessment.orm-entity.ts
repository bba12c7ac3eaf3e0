import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type AssessedMedicationRow } from './continuity-assessment.mapper';

/** A downward referral's continuity assessment: written once, when pharmacy first hears of the referral. */
@Entity({ name: 'continuity_assessment' })
@Index('continuity_assessment_receiving_idx', ['receivingInstitutionId', 'assessedAt'])
export class ContinuityAssessmentOrmEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'issuing_institution_id', type: 'uuid' }) issuingInstitutionId!: string;
  @Column({ name: 'receiving_institution_id', type: 'uuid' }) receivingInstitutionId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ type: 'jsonb' }) medications!: AssessedMedicationRow[];
  @Column({ type: 'boolean' }) continuous!: boolean;
  @Column({ name: 'days_within_rule', type: 'boolean' }) daysWithinRule!: boolean;
  @Column({ name: 'contracted_resident', type: 'boolean' }) contractedResident!: boolean;
  @Column({ name: 'assessed_at', type: 'timestamptz' }) assessedAt!: Date;
}
