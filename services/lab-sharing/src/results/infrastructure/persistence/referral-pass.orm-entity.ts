import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A referral as the result registry knows it. */
@Entity({ name: 'referral_pass' })
@Index('referral_pass_receiving_idx', ['receivingInstitutionId', 'patientResidentId'])
export class ReferralPassOrmEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'referring_institution_id', type: 'uuid' }) referringInstitutionId!: string;
  @Column({ name: 'receiving_institution_id', type: 'uuid' }) receivingInstitutionId!: string;
  @Column({ type: 'boolean' }) open!: boolean;
  @Column({ type: 'integer' }) version!: number;
}
