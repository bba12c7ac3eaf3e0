import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { InstitutionOrmEntity } from '../../../organisation/infrastructure/persistence/institution.orm-entity';

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
