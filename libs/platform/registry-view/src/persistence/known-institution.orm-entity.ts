import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type KnownInstitution } from '../registry-view';

/** known_institution: an institution of the registry as the projection keeps it. */
@Entity({ name: 'known_institution' })
export class KnownInstitutionOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ type: 'text' }) level!: KnownInstitution['level'];
  @Column({ type: 'text', default: 'unknown' }) type!: KnownInstitution['type'];
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
