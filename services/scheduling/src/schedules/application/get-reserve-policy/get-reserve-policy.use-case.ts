import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { HospitalReserveRules } from '../../../capacity/application/hospital-reserve-rules';
import { type ReserveFloors } from '../../../capacity/domain/city-reserve-floor';
import { type ReservePolicySnapshot, type ReserveShare } from '../../../capacity/domain/reserve-policy';
import { knownHospital } from '../../../common/managed-hospital';
import { type GetReservePolicyQuery } from './get-reserve-policy.query';

/** A hospital's reserve rule as it stands today. */
export interface ReservePolicyInForce {
  readonly policy: ReservePolicySnapshot;
  /** Null while the registry projection has not learnt the hospital's city. */
  readonly cityId: string | null;
  /** Its city's floors in force today (the deployment's default where the city set none). */
  readonly floors: ReserveFloors;
  /** What it reserves today: its ratios, or the floors where those are higher. */
  readonly share: ReserveShare;
}

/** GetReservePolicy: a hospital's reserve rule, its city's floors and the share in force today. */
@Injectable()
export class GetReservePolicyUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registry: RegistryView,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async execute(
    _identity: Identity,
    query: GetReservePolicyQuery,
    now = new Date(),
  ): Promise<ReservePolicyInForce> {
    return this.uow.run(async () => {
      const hospital = await knownHospital(this.registry, query.institutionId);
      const reserve = await this.reserves.of(hospital);
      const today = localDate(now);
      return {
        policy: reserve.policyOn(today),
        cityId: reserve.cityId,
        floors: reserve.floorsOn(today),
        share: reserve.shareOn(today),
      };
    });
  }
}
