import { Injectable } from '@nestjs/common';
import { SharedCentreChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { centreChangeToProto, sharedCentreToProto } from '../../contracts/shared-centre.proto-mapper';
import { CentreEventPublisher } from '../../domain/centre-event-publisher';
import { type SharedCentreChanged } from '../../domain/shared-centre';

/**
 * Writes SharedCentreChanged to the outbox (compacted medgrid.lab-sharing.centre.v1, keyed by centre id) in the
 * caller's transaction: every event carries the centre's whole state.
 */
@Injectable()
export class CentreOutboxPublisher extends CentreEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async centresChanged(events: readonly SharedCentreChanged[]): Promise<void> {
    if (events.length === 0) return;
    await this.outbox.appendMany(
      SharedCentreChangedEvent,
      events.map((event) => ({
        aggregateId: event.centre.id,
        aggregateVersion: event.centre.version,
        occurredAt: new Date(),
        payload: {
          change: centreChangeToProto(event.change),
          institutionId: event.institutionId ?? '',
          centre: sharedCentreToProto(event.centre),
        },
      })),
    );
  }
}
