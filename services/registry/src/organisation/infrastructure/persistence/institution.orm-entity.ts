import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { GridOrmEntity } from './grid.orm-entity';

// Indexes marked `synchronize: false` are made by the migration (partial or GIN);
// the flag keeps the schema-drift check from treating them as unknown.
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
