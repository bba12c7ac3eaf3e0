import { type CityFloorVersion, type CityReserveFloor } from './city-reserve-floor';

/** The versions of each city's reserve floor (all SQL lives in the adapter). */
export abstract class CityReserveFloorRepository {
  /** Every version of the city's floor; `lock` makes concurrent changes of one city wait their turn. */
  abstract load(cityId: string, lock: boolean): Promise<CityReserveFloor>;
  abstract insert(version: CityFloorVersion): Promise<void>;
}
