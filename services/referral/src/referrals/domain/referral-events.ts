import { type ReferralSnapshot } from './referral';

/** Domain events of the referral aggregate; the outbox adapter turns them into contract events. */
export interface ReferralSubmittedDomainEvent {
  readonly kind: 'referral-submitted';
  readonly referral: ReferralSnapshot;
  readonly occurredAt: Date;
}

export type ReferralDomainEvent = ReferralSubmittedDomainEvent;
