import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type KnownContract } from '../registry-view';

/** known_contract: a resident's family doctor contract with a team, by identity number. */
@Entity({ name: 'known_contract' })
@Index('known_contract_resident_idx', ['residentIdNumber'])
export class KnownContractOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id_number', type: 'text' }) residentIdNumber!: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId!: string;
  @Column({ type: 'text' }) status!: KnownContract['status'];
  /** Local dates (YYYY-MM-DD). */
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
