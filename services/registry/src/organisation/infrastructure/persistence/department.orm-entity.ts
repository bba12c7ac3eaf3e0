import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { InstitutionOrmEntity } from './institution.orm-entity';

@Entity({ name: 'department' })
@Unique('department_institution_name_uq', ['institutionId', 'name'])
export class DepartmentOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @ManyToOne(() => InstitutionOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'department_institution_fk' })
  institution?: InstitutionOrmEntity;
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
  @Column({ type: 'text' }) name!: string;
}
