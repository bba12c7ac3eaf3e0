import { Injectable } from '@nestjs/common';
import {
  GreenChannelActivatedEvent,
  ReferralAcceptedEvent,
  ReferralCancelledEvent,
  ReferralChangedEvent,
  ReferralExpiredEvent,
  ReferralSubmittedEvent,
} from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { greenChannelToProto } from '../../../criteria/contracts/criteria.proto-mapper';
import { historyEntryToProto, referralToProto } from '../../contracts/referral.proto-mapper';
import { ReferralEventPublisher } from '../../domain/referral-event-publisher';
import { type ReferralChangedDomainEvent, type ReferralDomainEvent } from '../../domain/referral-events';

/**
 * Turns referral domain events into contract events in the outbox (same
 * transaction). The steps scheduling acts on (submitted, accepted, cancelled,
 * expired) have their own types; every other change is a ReferralChanged.
 */
@Injectable()
export class ReferralOutboxPublisher extends ReferralEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async publish(events: readonly ReferralDomainEvent[]): Promise<void> {
    for (const event of events) {
      const meta = {
        aggregateId: event.referral.id,
        aggregateVersion: event.referral.version,
        occurredAt: event.kind === 'referral-changed' ? event.entry.occurredAt : event.referral.updatedAt,
      };
      if (event.kind === 'green-channel-activated') {
        await this.outbox.append(GreenChannelActivatedEvent, {
          ...meta,
          payload: {
            referral: referralToProto(event.referral),
            channel: greenChannelToProto(event.channel),
            centreDepartmentId: event.centreDepartmentId,
          },
        });
        continue;
      }
      await this.appendChange(event, meta);
    }
  }

  private async appendChange(
    event: ReferralChangedDomainEvent,
    meta: { aggregateId: string; aggregateVersion: number; occurredAt: Date },
  ): Promise<void> {
    const payload = { referral: referralToProto(event.referral), change: historyEntryToProto(event.entry) };
    switch (event.entry.action) {
      case 'submit':
        return void (await this.outbox.append(ReferralSubmittedEvent, { ...meta, payload }));
      case 'accept':
        return void (await this.outbox.append(ReferralAcceptedEvent, { ...meta, payload }));
      case 'cancel':
        return void (await this.outbox.append(ReferralCancelledEvent, {
          ...meta,
          payload: { ...payload, reason: event.entry.note },
        }));
      case 'expire':
        return void (await this.outbox.append(ReferralExpiredEvent, { ...meta, payload }));
      default:
        return void (await this.outbox.append(ReferralChangedEvent, { ...meta, payload }));
    }
  }
}
