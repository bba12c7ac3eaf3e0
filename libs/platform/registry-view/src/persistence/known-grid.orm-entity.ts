import { Column, Entity, PrimaryColumn } from 'typeorm';

/** known_grid: the city of a grid. */
@Entity({ name: 'known_grid' })
export class KnownGridOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'city_id', type: 'uuid' }) cityId!: string;
}
