import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { CityOrmEntity } from './city.orm-entity';

@Entity({ name: 'grid' })
@Unique('grid_city_code_uq', ['cityId', 'code'])
export class GridOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'city_id', type: 'uuid' }) cityId!: string;
  @ManyToOne(() => CityOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'grid_city_fk' })
  city?: CityOrmEntity;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
}
