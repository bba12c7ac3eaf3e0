import { type CityReserveRules } from '../domain/reserve-policy';

/**
 * The deployment's reserve figures (from config, never constants in code): the
 * floors of a city that set none of its own, and the default release lead time.
 */
export abstract class ReserveRulesProvider {
  abstract readonly rules: CityReserveRules;
}
