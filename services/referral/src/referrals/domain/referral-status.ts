/** Lifecycle states; the walking skeleton knows the first one, the referral issue adds the rest. */
export type ReferralStatus = 'submitted';
