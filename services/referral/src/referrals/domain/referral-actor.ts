/** Who acted on a referral, as its history records it. */
export interface ReferralActor {
  readonly subject: string;
  readonly institutionId: string | null;
  readonly role: string;
}

/** The service itself: green channel, saga notes, deadline and expiry sweeps. */
export const SYSTEM_ACTOR: ReferralActor = {
  subject: 'medgrid-referral',
  institutionId: null,
  role: 'system',
};
