import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The version a region's table stands at. */
@Entity({ name: 'reimbursement_table' })
@Check('reimbursement_table_version_check', 'version > 0')
export class ReimbursementTableOrmEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt!: Date;
}
