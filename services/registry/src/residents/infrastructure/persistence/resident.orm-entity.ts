import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { GridOrmEntity } from '../../../organisation/infrastructure/persistence/grid.orm-entity';

@Entity({ name: 'resident' })
@Unique('resident_id_number_uq', ['residentIdNumber'])
@Index('resident_grid_idx', ['gridId'])
export class ResidentOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id_number', type: 'char', length: 18 }) residentIdNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ type: 'text' }) sex!: string;
  @Column({ type: 'text' }) phone!: string;
  @Column({ name: 'grid_id', type: 'uuid' }) gridId!: string;
  @ManyToOne(() => GridOrmEntity, { nullable: false })
  @JoinColumn({ name: 'grid_id', foreignKeyConstraintName: 'resident_grid_fk' })
  grid?: GridOrmEntity;
  @Column({ type: 'integer' }) version!: number;
}
