import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FamilyDoctorTeamOrmEntity } from './family-doctor-team.orm-entity';
import { PractitionerOrmEntity } from './practitioner.orm-entity';

@Entity({ name: 'team_member' })
@Index('team_member_practitioner_idx', ['practitionerId'])
export class TeamMemberOrmEntity {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' }) teamId!: string;
  @ManyToOne(() => FamilyDoctorTeamOrmEntity, { nullable: false })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'team_member_team_fk' })
  team?: FamilyDoctorTeamOrmEntity;
  @PrimaryColumn({ name: 'practitioner_id', type: 'uuid' }) practitionerId!: string;
  @ManyToOne(() => PractitionerOrmEntity, { nullable: false })
  @JoinColumn({ name: 'practitioner_id', foreignKeyConstraintName: 'team_member_practitioner_fk' })
  practitioner?: PractitionerOrmEntity;
  @Column({ type: 'text' }) role!: string;
  /** Order members were added, so a team reads back as it was formed. */
  @Column({ type: 'integer' }) position!: number;
}
