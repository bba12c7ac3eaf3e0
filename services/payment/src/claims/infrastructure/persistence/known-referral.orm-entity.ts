import { Column, Entity, PrimaryColumn } from 'typeorm';

/** known_referral: a referral as referral announced it, newest version kept. */
@Entity({ name: 'known_referral' })
export class KnownReferralOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'referring_institution_id', type: 'uuid' }) referringInstitutionId!: string;
  @Column({ name: 'receiving_institution_id', type: 'uuid' }) receivingInstitutionId!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
