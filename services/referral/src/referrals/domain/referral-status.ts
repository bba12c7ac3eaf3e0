import { type LifecycleState } from './referral-lifecycle';

/** A referral's status is its lifecycle state. */
export type ReferralStatus = LifecycleState;

/** States in which an upward referral still owes the patient a visit (the 48-hour rule applies). */
export const OPEN_UPWARD_STATES: readonly ReferralStatus[] = [
  'submitted',
  'accepted',
  'scheduled',
  'arrived',
];

/** States in which an upward referral expires when its patient never comes (not yet arrived). */
export const EXPIRABLE_UPWARD_STATES: readonly ReferralStatus[] = ['submitted', 'accepted', 'scheduled'];
