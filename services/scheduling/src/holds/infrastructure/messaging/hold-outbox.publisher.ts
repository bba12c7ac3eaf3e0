import { Injectable } from '@nestjs/common';
import { SlotHoldChangedEvent, SlotHoldRequestedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { bookingToProto } from '../../../booking/contracts/booking.proto-mapper';
import { type BookingSnapshot } from '../../../booking/domain/booking';
import { type SessionView } from '../../../schedules/domain/session';
import { slotHoldRequestToProto } from '../../contracts/slot-hold-request.proto-mapper';
import { HoldEventPublisher } from '../../domain/hold-event-publisher';
import { type SlotHoldRequestSnapshot } from '../../domain/slot-hold-request';

/** Writes the referral saga's events (scheduling's side) to the outbox, keyed by aggregate id, in the caller's transaction. */
@Injectable()
export class HoldOutboxPublisher extends HoldEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async slotHoldRequested(request: SlotHoldRequestSnapshot): Promise<void> {
    await this.outbox.append(SlotHoldRequestedEvent, {
      aggregateId: request.referralId,
      aggregateVersion: request.version,
      occurredAt: request.requestedAt,
      payload: { holdRequest: slotHoldRequestToProto(request) },
    });
  }

  async slotHoldChanged(
    request: SlotHoldRequestSnapshot,
    booking: BookingSnapshot | null,
    session: SessionView | null,
  ): Promise<void> {
    await this.outbox.append(SlotHoldChangedEvent, {
      aggregateId: request.referralId,
      aggregateVersion: request.version,
      occurredAt: request.updatedAt,
      payload: {
        holdRequest: slotHoldRequestToProto(request),
        booking: booking ? bookingToProto(booking, session) : undefined,
      },
    });
  }
}
