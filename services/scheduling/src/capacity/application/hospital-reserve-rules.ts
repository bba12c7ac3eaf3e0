import { Injectable } from '@nestjs/common';
import { RegistryView } from '@medgrid/registry-view';
import { CityReserveFloorRepository } from '../domain/city-reserve-floor.repository';
import { HospitalReserve } from '../domain/hospital-reserve';
import { ReservePolicyRepository } from '../domain/reserve-policy.repository';
import { ReserveRulesProvider } from './reserve-rules';

/**
 * Loads what a hospital reserves: its policy, its city's floor over time (the
 * city of its group's grid, from the registry's events) and the deployment's
 * default floor (SLOT_RESERVE_FLOOR / BED_RESERVE_FLOOR) for a city with no
 * floor of its own. One load serves every date of a request.
 */
@Injectable()
export class HospitalReserveRules {
  constructor(
    private readonly policies: ReservePolicyRepository,
    private readonly floors: CityReserveFloorRepository,
    private readonly registry: RegistryView,
    private readonly rulesProvider: ReserveRulesProvider,
  ) {}

  async of(hospital: { id: string; groupId: string }, lockPolicy = false): Promise<HospitalReserve> {
    const cityId = await this.registry.cityOfInstitution(hospital.id);
    return new HospitalReserve(
      hospital.id,
      hospital.groupId,
      cityId,
      await this.policies.findPolicy(hospital.id, lockPolicy),
      cityId ? await this.floors.load(cityId, false) : null,
      this.rulesProvider.rules,
    );
  }
}
