import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { InstitutionOrmEntity } from '../../../organisation/infrastructure/persistence/organisation.orm-entities';

// Row shapes of the workforce tables (migration 1732400000002).

@Entity({ name: 'practitioner' })
@Unique('practitioner_licence_number_uq', ['licenceNumber'])
@Index('practitioner_home_institution_idx', ['homeInstitutionId'])
@Index('practitioner_name_trgm_idx', { synchronize: false })
export class PractitionerOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'licence_number', type: 'text' }) licenceNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
  @Column({ name: 'home_institution_id', type: 'uuid' }) homeInstitutionId!: string;
  @ManyToOne(() => InstitutionOrmEntity, { nullable: false })
  @JoinColumn({ name: 'home_institution_id', foreignKeyConstraintName: 'practitioner_home_institution_fk' })
  homeInstitution?: InstitutionOrmEntity;
  @Column({ type: 'integer' }) version!: number;
}

@Entity({ name: 'family_doctor_team' })
@Unique('family_doctor_team_institution_name_uq', ['institutionId', 'name'])
export class FamilyDoctorTeamOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @ManyToOne(() => InstitutionOrmEntity, { nullable: false })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'family_doctor_team_institution_fk' })
  institution?: InstitutionOrmEntity;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'integer' }) version!: number;
}

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
