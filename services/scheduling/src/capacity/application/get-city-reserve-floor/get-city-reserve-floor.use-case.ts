import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { type CityFloorVersion, type ReserveFloors } from '../../domain/city-reserve-floor';
import { CityReserveFloorRepository } from '../../domain/city-reserve-floor.repository';
import { knownCity } from '../known-city';
import { type GetCityReserveFloorQuery } from './get-city-reserve-floor.query';
import { ReserveRulesProvider } from '../reserve-rules';

export interface CityFloorOnDate {
  readonly cityId: string;
  readonly date: string;
  /** The floors in force on the date (the city's version, or the deployment's default). */
  readonly floors: ReserveFloors;
  /** The city's version in force on the date; null when the deployment's default applies. */
  readonly inForce: CityFloorVersion | null;
  /** Every version of the city's floor, the newest first. */
  readonly history: CityFloorVersion[];
}

/** GetCityReserveFloor: anyone signed in may read a city's floor, since hospitals plan their capacity by it. */
@Injectable()
export class GetCityReserveFloorUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly floors: CityReserveFloorRepository,
    private readonly registry: RegistryView,
    private readonly rulesProvider: ReserveRulesProvider,
  ) {}

  async execute(
    _identity: Identity,
    query: GetCityReserveFloorQuery,
    now = new Date(),
  ): Promise<CityFloorOnDate> {
    return this.uow.run(async () => {
      const id = await knownCity(this.registry, query.cityId);
      const floor = await this.floors.load(id, false);
      const on = query.date || localDate(now);
      return {
        cityId: id,
        date: on,
        floors: floor.floorsOn(on, this.rulesProvider.rules),
        inForce: floor.inForceOn(on),
        history: floor.history(),
      };
    });
  }
}
