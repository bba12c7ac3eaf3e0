import { Injectable } from '@nestjs/common';
import { SterilisationBatchChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import {
  sterilisationBatchToProto,
  sterilisationChangeToProto,
} from '../../contracts/sterilisation-batch.proto-mapper';
import { type SterilisationBatchChanged } from '../../domain/sterilisation-batch';
import { SterilisationEventPublisher } from '../../domain/sterilisation-event-publisher';

/** Writes SterilisationBatchChanged (medgrid.lab-sharing.sterilisation.v1, keyed by batch id) to the outbox. */
@Injectable()
export class SterilisationOutboxPublisher extends SterilisationEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async batchesChanged(events: readonly SterilisationBatchChanged[]): Promise<void> {
    if (events.length === 0) return;
    await this.outbox.appendMany(
      SterilisationBatchChangedEvent,
      events.map((event) => ({
        aggregateId: event.batch.id,
        aggregateVersion: event.batch.version,
        occurredAt: new Date(),
        payload: {
          change: sterilisationChangeToProto(event.change),
          batch: sterilisationBatchToProto(event.batch),
        },
      })),
    );
  }
}
