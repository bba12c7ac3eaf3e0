import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** Fen in a bigint column, read back as a number (amounts stay below 2^53, checked by the domain). */
const fenColumn = {
  type: 'bigint',
  transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
} as const;

/**
 * A claim: one per institution and claim number, with the version in force and that version's figures a settlement
 * run sums (settlement/domain/settled-claim: claimFiguresOf), replaced with it by a correction.
 */
@Entity({ name: 'claim' })
@Unique('claim_institution_number_key', ['institutionId', 'claimNumber'])
@Check('claim_current_version_check', 'current_version > 0')
@Index('claim_resident_idx', ['residentId'])
@Index('claim_settlement_idx', ['groupId', 'serviceDate'])
export class ClaimOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'claim_number', type: 'text' }) claimNumber!: string;
  @Column({ name: 'resident_id', type: 'text' }) residentId!: string;
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'service_date', type: 'date' }) serviceDate!: string;
  @Column({ name: 'institution_level', type: 'text' }) institutionLevel!: string;
  @Column({ type: 'text' }) encounter!: string;
  @Column({ name: 'disease_group', type: 'text', nullable: true }) diseaseGroup!: string | null;
  @Column({ type: 'boolean' }) referred!: boolean;
  @Column({ name: 'bed_days', type: 'integer' }) bedDays!: number;
  @Column(fenColumn) fund!: number;
  @Column(fenColumn) patient!: number;
  @Column(fenColumn) waived!: number;
}
