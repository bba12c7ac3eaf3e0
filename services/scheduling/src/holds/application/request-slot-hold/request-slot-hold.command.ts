/** A submitted referral asks for a slot hold (from the ReferralSubmitted event). */
export interface RequestSlotHoldCommand {
  readonly referralId: string;
  readonly groupId: string;
  readonly receivingInstitutionId: string;
  readonly sourceEventId: string;
  readonly occurredAt: Date;
}
