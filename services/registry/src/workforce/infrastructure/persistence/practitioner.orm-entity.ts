import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { InstitutionOrmEntity } from '../../../organisation/infrastructure/persistence/institution.orm-entity';

// Indexes marked `synchronize: false` are made by the migration (partial or GIN);
// the flag keeps the schema-drift check from treating them as unknown.
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
