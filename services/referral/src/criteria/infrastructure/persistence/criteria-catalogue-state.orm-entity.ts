import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The catalogue's one row: its version, bumped by every edit so each replica reloads its cache. */
@Entity({ name: 'criteria_catalogue_state' })
@Check('criteria_catalogue_state_id_check', 'id = 1')
export class CriteriaCatalogueStateOrmEntity {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
