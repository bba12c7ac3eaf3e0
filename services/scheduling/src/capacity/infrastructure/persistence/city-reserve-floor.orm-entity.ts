import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a city's floor. The migration's trigger refuses updates and deletes: rows are the audit trail. */
@Entity({ name: 'city_reserve_floor' })
@Check('city_reserve_floor_version_check', 'version > 0')
@Check('city_reserve_floor_slot_numerator_check', 'slot_numerator > 0')
@Check('city_reserve_floor_check', 'slot_denominator >= slot_numerator')
@Check('city_reserve_floor_bed_numerator_check', 'bed_numerator > 0')
@Check('city_reserve_floor_check1', 'bed_denominator >= bed_numerator')
export class CityReserveFloorOrmEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' }) cityId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ name: 'slot_numerator', type: 'integer' }) slotNumerator!: number;
  @Column({ name: 'slot_denominator', type: 'integer' }) slotDenominator!: number;
  @Column({ name: 'bed_numerator', type: 'integer' }) bedNumerator!: number;
  @Column({ name: 'bed_denominator', type: 'integer' }) bedDenominator!: number;
  /** A local date, read and written as 'YYYY-MM-DD'. */
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'set_by', type: 'text' }) setBy!: string;
  @Column({ name: 'set_by_role', type: 'text' }) setByRole!: string;
  @Column({ name: 'set_at', type: 'timestamptz' }) setAt!: Date;
}
