import { Column, Entity, PrimaryColumn } from 'typeorm';

/** known_team: a family doctor team, its home institution and group. */
@Entity({ name: 'known_team' })
export class KnownTeamOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
