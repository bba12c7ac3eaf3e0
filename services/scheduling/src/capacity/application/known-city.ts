import { type RegistryView } from '@medgrid/registry-view';
import { CapacityError, CapacityErrorCode } from '../domain/capacity-error';

/** The id of a city the registry announced; a floor is set or read only for a known city. */
export async function knownCity(registry: RegistryView, cityId: string): Promise<string> {
  const city = await registry.city(cityId.toLowerCase());
  if (!city) {
    throw new CapacityError(CapacityErrorCode.UnknownCity, 'no city with this id is known', 'cityId');
  }
  return city.id;
}
