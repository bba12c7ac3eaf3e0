import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type KnownGroup } from '../registry-view';

/** known_group: a medical group, its grid, its lead and its member list (jsonb). */
@Entity({ name: 'known_group' })
export class KnownGroupOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'grid_id', type: 'uuid', nullable: true }) gridId!: string | null;
  @Column({ name: 'lead_institution_id', type: 'uuid', nullable: true }) leadInstitutionId!: string | null;
  @Column({ type: 'jsonb' }) members!: KnownGroup['members'];
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
