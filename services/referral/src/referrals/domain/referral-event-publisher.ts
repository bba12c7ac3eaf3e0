import { type ReferralDomainEvent } from './referral-events';

/** Port: records domain events for publication in the current transaction (the outbox). */
export interface ReferralEventPublisher {
  publish(events: readonly ReferralDomainEvent[]): Promise<void>;
}

export const REFERRAL_EVENT_PUBLISHER = Symbol('REFERRAL_EVENT_PUBLISHER');
