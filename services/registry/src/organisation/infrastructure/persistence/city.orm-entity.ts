import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'city' })
@Unique('city_division_code_uq', ['divisionCode'])
export class CityOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'division_code', type: 'char', length: 6 }) divisionCode!: string;
  @Column({ type: 'text' }) name!: string;
}
