import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * known_resident: a registered resident, by identity number only. Made by
 * RegistryViewResidents1733100000001, so listed only by the services that list that migration.
 */
@Entity({ name: 'known_resident' })
@Index('known_resident_number_idx', ['residentIdNumber'])
export class KnownResidentOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_id_number', type: 'text' }) residentIdNumber!: string;
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
