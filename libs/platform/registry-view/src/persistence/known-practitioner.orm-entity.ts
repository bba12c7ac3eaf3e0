import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type KnownPractitioner } from '../registry-view';

/** known_practitioner: a registered practitioner, their specialty and home institution. */
@Entity({ name: 'known_practitioner' })
@Index('known_practitioner_home_idx', ['homeInstitutionId'])
export class KnownPractitionerOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'licence_number', type: 'text' }) licenceNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) title!: KnownPractitioner['title'];
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
  @Column({ name: 'home_institution_id', type: 'uuid' }) homeInstitutionId!: string;
  /** bigint, so it arrives as a string. */
  @Column({ type: 'bigint' }) version!: string;
}
