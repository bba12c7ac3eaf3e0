import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A claim: one per institution and claim number, with the version in force. */
@Entity({ name: 'claim' })
@Unique('claim_institution_number_key', ['institutionId', 'claimNumber'])
@Check('claim_current_version_check', 'current_version > 0')
@Index('claim_resident_idx', ['residentId'])
export class ClaimOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'claim_number', type: 'text' }) claimNumber!: string;
  @Column({ name: 'resident_id', type: 'text' }) residentId!: string;
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
