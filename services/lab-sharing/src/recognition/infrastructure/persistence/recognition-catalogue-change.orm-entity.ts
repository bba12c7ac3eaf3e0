import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { type CatalogueItem } from '../../domain/catalogue-item';

/**
 * One change of a region's catalogue, the version it made: a load keeps every item loaded, a put the item put, a
 * removal none. The migration's trigger refuses updates and deletes: the rows are the catalogue's history.
 */
@Entity({ name: 'recognition_catalogue_change' })
@Check('recognition_catalogue_change_change_check', `change IN ('loaded', 'item-put', 'item-removed')`)
export class RecognitionCatalogueChangeOrmEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) change!: string;
  @Column({ name: 'item_code', type: 'text', nullable: true }) itemCode!: string | null;
  @Column({ type: 'jsonb', nullable: true }) items!: CatalogueItem[] | null;
  @Column({ name: 'changed_by', type: 'text' }) changedBy!: string;
  @Column({ name: 'changed_by_role', type: 'text' }) changedByRole!: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
