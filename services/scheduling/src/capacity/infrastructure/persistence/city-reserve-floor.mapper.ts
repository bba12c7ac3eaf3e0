import { type CityFloorVersion } from '../../domain/city-reserve-floor';
import { type CityReserveFloorOrmEntity } from './city-reserve-floor.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the version does not compile until it is mapped.

export function cityFloorVersionToEntity(v: CityFloorVersion): CityReserveFloorOrmEntity {
  return {
    cityId: v.cityId,
    version: v.version,
    slotNumerator: v.slotFloor.numerator,
    slotDenominator: v.slotFloor.denominator,
    bedNumerator: v.bedFloor.numerator,
    bedDenominator: v.bedFloor.denominator,
    effectiveFrom: v.effectiveFrom,
    reason: v.reason,
    setBy: v.setBy,
    setByRole: v.setByRole,
    setAt: v.setAt,
  };
}

export function cityFloorVersionFromEntity(e: CityReserveFloorOrmEntity): CityFloorVersion {
  return {
    cityId: e.cityId,
    version: e.version,
    slotFloor: { numerator: e.slotNumerator, denominator: e.slotDenominator },
    bedFloor: { numerator: e.bedNumerator, denominator: e.bedDenominator },
    effectiveFrom: e.effectiveFrom,
    reason: e.reason,
    setBy: e.setBy,
    setByRole: e.setByRole,
    setAt: e.setAt,
  };
}
