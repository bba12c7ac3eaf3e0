import { PrescribingError, PrescribingErrorCode } from './prescribing-error';

/**
 * How many days of supply a prescription may give. Up to `ordinaryMaxDays` for anyone; more, up to `longMaxDays`,
 * only as a long prescription (长处方) to a patient who qualifies (longPrescriptionEligibility). Defaults: a long
 * prescription is one of more than a month (Guangzhou's primary institutions give "more than one month" to stable
 * chronic patients), and at most 12 weeks (the national long-prescription norms). A deployment or city sets its own.
 */
export interface SupplyRules {
  readonly ordinaryMaxDays: number;
  readonly longMaxDays: number;
}

export const DEFAULT_SUPPLY_RULES: SupplyRules = { ordinaryMaxDays: 30, longMaxDays: 84 };

/** A year: no rule may allow more, whatever a deployment sets. */
export const SUPPLY_DAYS_CEILING = 365;

/** The rules, checked: whole days, ordinary at least 1, long at least ordinary, neither beyond a year. */
export function supplyRules(
  ordinaryMaxDays: number,
  longMaxDays: number,
  field = 'supplyRules',
): SupplyRules {
  const whole = (days: number) => Number.isInteger(days) && days >= 1 && days <= SUPPLY_DAYS_CEILING;
  if (!whole(ordinaryMaxDays) || !whole(longMaxDays) || longMaxDays < ordinaryMaxDays) {
    throw new PrescribingError(
      PrescribingErrorCode.InvalidSupplyRules,
      `whole days from 1 to ${SUPPLY_DAYS_CEILING}, the long maximum at least the ordinary one (${ordinaryMaxDays}, ${longMaxDays})`,
      field,
    );
  }
  return { ordinaryMaxDays, longMaxDays };
}
