import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** known_department: a department of an institution and its specialty. */
@Entity({ name: 'known_department' })
@Index('known_department_institution_idx', ['institutionId'])
export class KnownDepartmentOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
}
