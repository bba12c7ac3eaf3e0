import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { GridOrmEntity } from '../../../organisation/infrastructure/persistence/organisation.orm-entities';
import { FamilyDoctorTeamOrmEntity } from '../../../workforce/infrastructure/persistence/workforce.orm-entities';

// Row shapes of the resident tables (migration 1732400000003).

@Entity({ name: 'resident' })
@Unique('resident_id_number_uq', ['residentIdNumber'])
@Index('resident_grid_idx', ['gridId'])
export class ResidentOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id_number', type: 'char', length: 18 }) residentIdNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ type: 'text' }) sex!: string;
  @Column({ type: 'text' }) phone!: string;
  @Column({ name: 'grid_id', type: 'uuid' }) gridId!: string;
  @ManyToOne(() => GridOrmEntity, { nullable: false })
  @JoinColumn({ name: 'grid_id', foreignKeyConstraintName: 'resident_grid_fk' })
  grid?: GridOrmEntity;
  @Column({ type: 'integer' }) version!: number;
}

@Entity({ name: 'contract' })
@Index('contract_one_active_uq', { synchronize: false })
@Index('contract_team_idx', ['teamId'])
@Index('contract_resident_idx', ['residentId'])
export class ContractOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id', type: 'uuid' }) residentId!: string;
  @ManyToOne(() => ResidentOrmEntity, { nullable: false })
  @JoinColumn({ name: 'resident_id', foreignKeyConstraintName: 'contract_resident_fk' })
  resident?: ResidentOrmEntity;
  @Column({ name: 'team_id', type: 'uuid' }) teamId!: string;
  @ManyToOne(() => FamilyDoctorTeamOrmEntity, { nullable: false })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'contract_team_fk' })
  team?: FamilyDoctorTeamOrmEntity;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
}
