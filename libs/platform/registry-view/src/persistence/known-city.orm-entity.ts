import { Column, Entity, PrimaryColumn } from 'typeorm';

/** known_city: a city, by its administrative division code. */
@Entity({ name: 'known_city' })
export class KnownCityOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'division_code', type: 'text' }) divisionCode!: string;
  @Column({ type: 'text' }) name!: string;
}
