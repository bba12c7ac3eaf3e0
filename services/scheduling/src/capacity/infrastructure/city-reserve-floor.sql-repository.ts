import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { CityReserveFloor, type CityFloorVersion } from '../domain/city-reserve-floor';
import { CityReserveFloorRepository } from '../domain/city-reserve-floor.repository';

interface FloorRow {
  city_id: string;
  version: number;
  slot_numerator: number;
  slot_denominator: number;
  bed_numerator: number;
  bed_denominator: number;
  effective_from: string;
  reason: string;
  set_by: string;
  set_by_role: string;
  set_at: Date;
}

/** city_reserve_floor: one row per version, never updated. */
@Injectable()
export class CityReserveFloorSqlRepository extends CityReserveFloorRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(cityId: string, lock: boolean): Promise<CityReserveFloor> {
    // A city with no version yet has no row to lock, so changes queue on an advisory lock.
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `city-reserve-floor:${cityId}`);
    const rows = await this.uow.manager().query<FloorRow[]>(
      `SELECT city_id, version, slot_numerator, slot_denominator, bed_numerator, bed_denominator,
              to_char(effective_from, 'YYYY-MM-DD') AS effective_from, reason, set_by, set_by_role, set_at
         FROM city_reserve_floor WHERE city_id = $1 ORDER BY version`,
      [cityId],
    );
    return CityReserveFloor.restore(
      cityId,
      rows.map((row): CityFloorVersion => ({
        cityId: row.city_id,
        version: row.version,
        slotFloor: { numerator: row.slot_numerator, denominator: row.slot_denominator },
        bedFloor: { numerator: row.bed_numerator, denominator: row.bed_denominator },
        effectiveFrom: row.effective_from,
        reason: row.reason,
        setBy: row.set_by,
        setByRole: row.set_by_role,
        setAt: row.set_at,
      })),
    );
  }

  async insert(v: CityFloorVersion): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO city_reserve_floor (city_id, version, slot_numerator, slot_denominator, bed_numerator,
         bed_denominator, effective_from, reason, set_by, set_by_role, set_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        v.cityId,
        v.version,
        v.slotFloor.numerator,
        v.slotFloor.denominator,
        v.bedFloor.numerator,
        v.bedFloor.denominator,
        v.effectiveFrom,
        v.reason,
        v.setBy,
        v.setByRole,
        v.setAt,
      ],
    );
  }
}
