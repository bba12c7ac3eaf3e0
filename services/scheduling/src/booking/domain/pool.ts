import { BookingError, BookingErrorCode } from './booking-error';

export type Pool = 'reserved' | 'public';

/** Priority flags a booking carries (一免三优先: no fee, priority visit, exam, admission). */
export interface Priority {
  readonly contractedResident: boolean;
  readonly consultationFeeWaived: boolean;
  readonly greenChannel: boolean;
}

export const NO_PRIORITY: Priority = {
  contractedResident: false,
  consultationFeeWaived: false,
  greenChannel: false,
};

/**
 * Who may take a reserved slot: a referral accepted for this hospital, or a
 * primary institution booking for a resident contracted with one of its teams.
 */
export interface ReserveEligibility {
  readonly viaReferral: boolean;
  readonly viaOwnContract: boolean;
}

export const mayTakeReserved = (e: ReserveEligibility): boolean => e.viaReferral || e.viaOwnContract;

const SLOT_REFUSAL = {
  field: 'claim.pool',
  message: 'reserved slots are for referrals and for a primary institution’s own contracted residents',
};

/** Pools to try, in order, for a claim: reserved first for the eligible, public as the fallback. */
export function poolsToTry(
  requested: Pool | undefined,
  eligibility: ReserveEligibility,
  refusal: { field: string; message: string } = SLOT_REFUSAL,
): Pool[] {
  const eligible = mayTakeReserved(eligibility);
  if (requested === 'reserved' && !eligible) {
    throw new BookingError(BookingErrorCode.ReservedPoolNotAllowed, refusal.message, refusal.field);
  }
  if (requested) return [requested];
  return eligible ? ['reserved', 'public'] : ['public'];
}

/** A contracted resident referred by their own team gets the fee waiver and the priorities (一免三优先). */
export function priorityFor(contractedResident: boolean, greenChannel: boolean): Priority {
  return { contractedResident, consultationFeeWaived: contractedResident, greenChannel };
}
