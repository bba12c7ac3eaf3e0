import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FamilyDoctorTeamOrmEntity } from '../../../workforce/infrastructure/persistence/family-doctor-team.orm-entity';
import { ResidentOrmEntity } from './resident.orm-entity';

// Indexes marked `synchronize: false` are made by the migration (partial or GIN);
// the flag keeps the schema-drift check from treating them as unknown.
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
