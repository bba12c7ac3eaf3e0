/** What scheduling answered for an accepted referral (SlotHoldChanged). */
export type SlotAnswer =
  | { readonly kind: 'held'; readonly bookingId: string; readonly sessionId: string; readonly pool: string }
  | { readonly kind: 'waitlisted'; readonly sessionId: string }
  | { readonly kind: 'no-session' }
  | { readonly kind: 'other' };

/** SlotHoldChanged for a referral: which referral, and what scheduling did about its slot. */
export class RecordSlotCommand {
  private constructor(
    readonly referralId: string,
    readonly answer: SlotAnswer,
  ) {}

  /** Scheduling's event names the referral it answers; nothing else is there to refuse. */
  static create(input: { readonly referralId: string; readonly answer: SlotAnswer }): RecordSlotCommand {
    return new RecordSlotCommand(input.referralId, input.answer);
  }
}
