import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

// Row shapes of the organisation tables. Foreign keys and the partial unique
// indexes live in the migration; `synchronize: false` tells the drift check
// that those indexes are deliberate.

@Entity({ name: 'city' })
@Unique('city_division_code_uq', ['divisionCode'])
export class CityOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'division_code', type: 'char', length: 6 }) divisionCode!: string;
  @Column({ type: 'text' }) name!: string;
}

@Entity({ name: 'grid' })
@Unique('grid_city_code_uq', ['cityId', 'code'])
export class GridOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'city_id', type: 'uuid' }) cityId!: string;
  @ManyToOne(() => CityOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'grid_city_fk' })
  city?: CityOrmEntity;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
}

@Entity({ name: 'institution' })
@Unique('institution_credit_code_uq', ['creditCode'])
@Index('institution_grid_idx', ['gridId'])
@Index('institution_group_idx', ['groupId'])
@Index('institution_name_trgm_idx', { synchronize: false })
export class InstitutionOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) level!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'grid_id', type: 'uuid' }) gridId!: string;
  @ManyToOne(() => GridOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'grid_id', foreignKeyConstraintName: 'institution_grid_fk' })
  grid?: GridOrmEntity;
  @Column({ type: 'text' }) address!: string;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ type: 'integer' }) version!: number;
}

@Entity({ name: 'medical_group' })
@Unique('medical_group_grid_uq', ['gridId'])
export class MedicalGroupOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'grid_id', type: 'uuid' }) gridId!: string;
  @ManyToOne(() => GridOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'grid_id', foreignKeyConstraintName: 'medical_group_grid_fk' })
  grid?: GridOrmEntity;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'integer' }) version!: number;
}

@Entity({ name: 'group_membership' })
@Index('group_membership_one_group_uq', { synchronize: false })
@Index('group_membership_one_lead_uq', { synchronize: false })
export class GroupMembershipOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @ManyToOne(() => MedicalGroupOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'group_membership_group_fk' })
  group?: MedicalGroupOrmEntity;
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @ManyToOne(() => InstitutionOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'group_membership_institution_fk' })
  institution?: InstitutionOrmEntity;
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}

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

@Entity({ name: 'client_request' })
export class ClientRequestOrmEntity {
  @PrimaryColumn({ name: 'operation', type: 'text' }) operation!: string;
  @PrimaryColumn({ name: 'client_request_id', type: 'uuid' }) clientRequestId!: string;
  @Column({ name: 'result_id', type: 'uuid' }) resultId!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
