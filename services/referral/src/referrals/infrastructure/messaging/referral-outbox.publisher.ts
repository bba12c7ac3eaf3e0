import { Injectable } from '@nestjs/common';
import { ReferralSubmittedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type ReferralEventPublisher } from '../../domain/referral-event-publisher';
import { type ReferralDomainEvent } from '../../domain/referral-events';
import { referralToProto } from '../../contracts/referral.proto-mapper';

/** Turns referral domain events into contract events in the outbox (same transaction). */
@Injectable()
export class ReferralOutboxPublisher implements ReferralEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(events: readonly ReferralDomainEvent[]): Promise<void> {
    for (const event of events) {
      switch (event.kind) {
        case 'referral-submitted':
          await this.outbox.append(ReferralSubmittedEvent, {
            aggregateId: event.referral.id,
            aggregateVersion: event.referral.version,
            occurredAt: event.occurredAt,
            payload: { referral: referralToProto(event.referral) },
          });
          break;
      }
    }
  }
}
