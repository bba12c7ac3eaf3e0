/** How long booking keeps a slot for someone who has not confirmed it (from config, never constants in code). */
export interface BookingRules {
  /** Minutes a HoldSlot keeps a slot when the caller does not say. */
  readonly holdDefaultMinutes: number;
  /** Minutes a slot offered to the next on a waitlist stays held for them. */
  readonly waitlistOfferMinutes: number;
}

export abstract class BookingRulesProvider {
  abstract readonly rules: BookingRules;
}
