import { Injectable } from '@nestjs/common';
import { SlotHoldRequestedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type SlotHoldRequestedDomainEvent } from '../../domain/slot-hold-request';
import { type SlotHoldEventPublisher } from '../../domain/slot-hold-request.repository';
import { slotHoldRequestToProto } from '../../contracts/slot-hold-request.proto-mapper';

@Injectable()
export class SlotHoldOutboxPublisher implements SlotHoldEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(events: readonly SlotHoldRequestedDomainEvent[]): Promise<void> {
    for (const event of events) {
      await this.outbox.append(SlotHoldRequestedEvent, {
        aggregateId: event.request.id,
        aggregateVersion: 1,
        occurredAt: event.request.requestedAt,
        payload: { holdRequest: slotHoldRequestToProto(event.request) },
      });
    }
  }
}
