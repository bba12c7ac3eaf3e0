import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The version a region's catalogue stands at; its row is locked while a change is made. */
@Entity({ name: 'recognition_catalogue' })
@Check('recognition_catalogue_version_check', 'version > 0')
export class RecognitionCatalogueOrmEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
