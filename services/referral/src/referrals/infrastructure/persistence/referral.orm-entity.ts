import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Row shape of the referral table; only the mapper and the repository see it. */
@Entity({ name: 'referral' })
@Index('referral_client_request_uq', ['referringInstitutionId', 'clientRequestId'], { unique: true })
@Index('referral_receiving_idx', ['receivingInstitutionId', 'createdAt'])
export class ReferralOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'client_request_id', type: 'uuid' })
  clientRequestId!: string;

  @Column({ name: 'patient_resident_id', type: 'char', length: 18 })
  patientResidentId!: string;

  @Column({ name: 'referring_institution_id', type: 'uuid' })
  referringInstitutionId!: string;

  @Column({ name: 'receiving_institution_id', type: 'uuid' })
  receivingInstitutionId!: string;

  @Column({ type: 'text' })
  direction!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'icd10_code', type: 'text' })
  icd10Code!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
