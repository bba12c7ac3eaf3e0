import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'ward' })
@Unique('ward_name_uq', ['institutionId', 'name'])
@Check('ward_bed_count_check', 'bed_count > 0')
export class WardOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'bed_count', type: 'integer' }) bedCount!: number;
  @Column({ name: 'reserved_beds', type: 'integer' }) reservedBeds!: number;
}
