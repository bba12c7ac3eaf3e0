import { type ReferralDomainEvent } from './referral-events';

/** Port: records domain events for publication in the current transaction (the outbox). */
export abstract class ReferralEventPublisher {
  abstract publish(events: readonly ReferralDomainEvent[]): Promise<void>;
}
