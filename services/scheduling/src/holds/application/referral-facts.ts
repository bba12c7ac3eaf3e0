import { AppError } from '@medgrid/errors';
import { type NewSlotHoldRequest } from '../domain/slot-hold-request';

/** What the referral's events tell scheduling about a referral. */
export type ReferralFacts = Omit<NewSlotHoldRequest, 'id'>;

/**
 * The facts of a referral event, refused when they lack the referral's ids
 * (its own, its group's, the receiving hospital's): a malformed event cannot
 * get better with retries, so it goes straight to the dead-letter topic.
 */
export function referralFacts(facts: ReferralFacts): ReferralFacts {
  if (!facts.referralId || !facts.groupId || !facts.institutionId) {
    throw new AppError('invalid-argument', 'MALFORMED_EVENT', 'referral event without referral ids');
  }
  return facts;
}
