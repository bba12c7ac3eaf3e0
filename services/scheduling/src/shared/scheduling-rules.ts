import { type CityReserveRules } from '../capacity/domain/reserve-policy';

/** The policy figures scheduling runs with (from config, never constants in code). */
export interface SchedulingRules extends CityReserveRules {
  readonly holdDefaultMinutes: number;
  readonly waitlistOfferMinutes: number;
  readonly referralSearchDays: number;
}

export abstract class SchedulingRulesProvider {
  abstract readonly rules: SchedulingRules;
}
