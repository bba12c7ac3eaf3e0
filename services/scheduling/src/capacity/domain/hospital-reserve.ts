import { type CityReserveFloor, type ReserveFloors } from './city-reserve-floor';
import {
  type CityReserveRules,
  ReservePolicy,
  type ReservePolicySnapshot,
  type ReserveShare,
  shareInForce,
} from './reserve-policy';

/**
 * What a hospital reserves, day by day: its own policy (if it set one) against
 * the floor its city has in force on each date, or the deployment's default
 * floor where its city has none (or scheduling does not know its city yet).
 */
export class HospitalReserve {
  constructor(
    readonly institutionId: string,
    readonly groupId: string,
    /** Null while the registry projection has not learnt the hospital's city. */
    readonly cityId: string | null,
    private readonly stored: ReservePolicySnapshot | null,
    private readonly city: CityReserveFloor | null,
    private readonly deploymentDefault: CityReserveRules,
  ) {}

  floorsOn(date: string): ReserveFloors {
    return this.city ? this.city.floorsOn(date, this.deploymentDefault) : this.deploymentDefault;
  }

  shareOn(date: string): ReserveShare {
    return shareInForce(this.stored, this.floorsOn(date));
  }

  /** What a policy change made on `date` is judged against: that day's floors, the default lead time. */
  rulesOn(date: string): CityReserveRules {
    return { ...this.floorsOn(date), releaseLeadHours: this.deploymentDefault.releaseLeadHours };
  }

  /** The hospital's stored policy, or the city's default as of `date` when it never set one. */
  policyOn(date: string): ReservePolicySnapshot {
    return (
      this.stored ??
      ReservePolicy.cityDefault(this.institutionId, this.groupId, this.rulesOn(date)).snapshot()
    );
  }

  /** The policy the hospital set itself; null when it never set one. */
  get ownPolicy(): ReservePolicySnapshot | null {
    return this.stored;
  }

  get releaseLeadHours(): number {
    return this.stored?.releaseLeadHours ?? this.deploymentDefault.releaseLeadHours;
  }
}
