import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The version a group's drug catalogue stands at; its row is updated from the version a change was read at. */
@Entity({ name: 'drug_catalogue' })
@Check('drug_catalogue_version_check', 'version > 0')
export class DrugCatalogueOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
