import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type FamilyDoctorContract, type ManagedDisease } from '../../domain/family-doctor-contract';

/** family_doctor_contract: a resident's contract with a team, with its early end and managed diseases. */
@Entity({ name: 'family_doctor_contract' })
@Index('family_doctor_contract_resident_idx', ['residentIdNumber'])
@Index('family_doctor_contract_team_idx', ['teamId'])
export class FamilyDoctorContractOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id_number', type: 'text' }) residentIdNumber!: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId!: string;
  @Column({ type: 'text' }) status!: FamilyDoctorContract['status'];
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ type: 'text', array: true }) diseases!: ManagedDisease[];
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
