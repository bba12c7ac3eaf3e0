import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { type Pool } from '../../../booking/domain/pool';
import { WardOrmEntity } from './ward.orm-entity';

/** One bed of a ward, claimed with FOR UPDATE SKIP LOCKED. bed_free_idx is partial (free beds), made by the migration. */
@Entity({ name: 'bed' })
@Index('bed_free_idx', { synchronize: false })
@Check('bed_pool_check', `pool IN ('reserved', 'public')`)
export class BedOrmEntity {
  @PrimaryColumn({ name: 'ward_id', type: 'uuid' }) wardId!: string;
  @ManyToOne(() => WardOrmEntity, { nullable: false })
  @JoinColumn({ name: 'ward_id', foreignKeyConstraintName: 'bed_ward_id_fkey' })
  ward?: WardOrmEntity;
  @PrimaryColumn({ name: 'bed_code', type: 'text' }) bedCode!: string;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder!: number;
  @Column({ type: 'text' }) pool!: Pool;
  /** Null while the bed is free. */
  @Column({ name: 'admission_id', type: 'uuid', nullable: true }) admissionId!: string | null;
}
