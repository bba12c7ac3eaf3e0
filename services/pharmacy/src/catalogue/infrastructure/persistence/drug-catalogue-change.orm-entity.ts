import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One change of a group's catalogue, the version it made, and who made it. */
@Entity({ name: 'drug_catalogue_change' })
@Check('drug_catalogue_change_change_check', `change IN ('loaded', 'drug-put', 'drug-withdrawn')`)
export class DrugCatalogueChangeOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) change!: string;
  @Column({ name: 'drug_count', type: 'integer' }) drugCount!: number;
  @Column({ name: 'effective_from', type: 'timestamptz' }) effectiveFrom!: Date;
  @Column({ name: 'changed_by', type: 'text' }) changedBy!: string;
  @Column({ name: 'changed_by_role', type: 'text' }) changedByRole!: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
