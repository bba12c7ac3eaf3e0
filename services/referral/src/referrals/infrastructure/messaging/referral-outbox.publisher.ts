import { Injectable } from '@nestjs/common';
import {
  type EventContract,
  GreenChannelActivatedEvent,
  ReferralAcceptedEvent,
  ReferralCancelledEvent,
  ReferralChangedEvent,
  ReferralExpiredEvent,
  ReferralSubmittedEvent,
} from '@medgrid/contracts';
import { type AtomicInserts } from '@medgrid/database';
import { OutboxWriter } from '@medgrid/messaging';
import { greenChannelToProto } from '../../../criteria/contracts/criteria.proto-mapper';
import { historyEntryToProto, referralToProto } from '../../contracts/referral.proto-mapper';
import { type StagedReferralEvents } from '../../application/new-referrals';
import { ReferralEventPublisher } from '../../domain/referral-event-publisher';
import { type ReferralDomainEvent } from '../../domain/referral-events';

/**
 * Turns referral domain events into contract events in the outbox: in the transaction of the change, or
 * staged with the rows of a one-statement write (a new referral). The steps scheduling acts on (submitted, accepted, cancelled,
 * expired) have their own types; every other change is a ReferralChanged.
 */
@Injectable()
export class ReferralOutboxPublisher extends ReferralEventPublisher implements StagedReferralEvents {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async publish(events: readonly ReferralDomainEvent[]): Promise<void> {
    for (const event of events) await outgoing(event, this.outbox, null);
  }

  stage(inserts: AtomicInserts, events: readonly ReferralDomainEvent[]): void {
    for (const event of events) void outgoing(event, this.outbox, inserts);
  }
}

/**
 * Writes the event's contract event: appended in the current transaction, or staged in `inserts` (then at once,
 * with nothing to wait for).
 */
function outgoing(
  event: ReferralDomainEvent,
  outbox: OutboxWriter,
  inserts: AtomicInserts | null,
): Promise<unknown> {
  const send = <T>(contract: EventContract<T>, payload: T): Promise<unknown> => {
    const outgoingEvent = {
      aggregateId: event.referral.id,
      aggregateVersion: event.referral.version,
      occurredAt: event.kind === 'referral-changed' ? event.entry.occurredAt : event.referral.updatedAt,
      payload,
    };
    if (inserts) return Promise.resolve(outbox.stage(inserts, contract, [outgoingEvent]));
    return outbox.append(contract, outgoingEvent);
  };
  if (event.kind === 'green-channel-activated') {
    return send(GreenChannelActivatedEvent, {
      referral: referralToProto(event.referral),
      channel: greenChannelToProto(event.channel),
      centreDepartmentId: event.centreDepartmentId,
    });
  }
  const payload = { referral: referralToProto(event.referral), change: historyEntryToProto(event.entry) };
  switch (event.entry.action) {
    case 'submit':
      return send(ReferralSubmittedEvent, payload);
    case 'accept':
      return send(ReferralAcceptedEvent, payload);
    case 'cancel':
      return send(ReferralCancelledEvent, { ...payload, reason: event.entry.note });
    case 'expire':
      return send(ReferralExpiredEvent, payload);
    default:
      return send(ReferralChangedEvent, payload);
  }
}
