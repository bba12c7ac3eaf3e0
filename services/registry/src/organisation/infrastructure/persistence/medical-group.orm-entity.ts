import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { GridOrmEntity } from './grid.orm-entity';

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
