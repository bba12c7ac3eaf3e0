import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type CityFloorVersion, CityReserveFloor } from '../../domain/city-reserve-floor';
import { CityReserveFloorRepository } from '../../domain/city-reserve-floor.repository';
import { cityFloorVersionFromEntity, cityFloorVersionToEntity } from './city-reserve-floor.mapper';
import { CityReserveFloorOrmEntity } from './city-reserve-floor.orm-entity';

/** city_reserve_floor: one row per version, never updated; joins the current UnitOfWork transaction. */
@Injectable()
export class CityReserveFloorTypeormRepository extends CityReserveFloorRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(cityId: string, lock: boolean): Promise<CityReserveFloor> {
    // A city with no version yet has no row to lock, so changes queue on an advisory lock.
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `city-reserve-floor:${cityId}`);
    const rows = await this.uow.manager().find(CityReserveFloorOrmEntity, {
      where: { cityId },
      order: { version: 'ASC' },
    });
    return CityReserveFloor.restore(cityId, rows.map(cityFloorVersionFromEntity));
  }

  async insert(version: CityFloorVersion): Promise<void> {
    await this.uow.manager().insert(CityReserveFloorOrmEntity, cityFloorVersionToEntity(version));
  }
}
