import { Injectable } from '@nestjs/common';
import { AdmissionChangedEvent, schedulingEventsV1 as e } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { admissionToProto } from '../../contracts/bed.proto-mapper';
import { type AdmissionChange, type AdmissionChangedDomainEvent } from '../../domain/admission';
import { BedEventPublisher } from '../../domain/bed-event-publisher';

function admissionChange(change: AdmissionChange): e.AdmissionChange {
  switch (change) {
    case 'requested':
      return e.AdmissionChange.ADMISSION_CHANGE_REQUESTED;
    case 'bed-assigned':
      return e.AdmissionChange.ADMISSION_CHANGE_BED_ASSIGNED;
    case 'discharged':
      return e.AdmissionChange.ADMISSION_CHANGE_DISCHARGED;
    case 'cancelled':
      return e.AdmissionChange.ADMISSION_CHANGE_CANCELLED;
  }
}

/** Writes the beds context's events to the outbox, keyed by aggregate id, in the caller's transaction. */
@Injectable()
export class BedOutboxPublisher extends BedEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async admissionsChanged(events: readonly AdmissionChangedDomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.outbox.appendMany(
      AdmissionChangedEvent,
      events.map((event) => ({
        aggregateId: event.admission.id,
        aggregateVersion: event.admission.version,
        occurredAt: new Date(),
        payload: { change: admissionChange(event.change), admission: admissionToProto(event.admission) },
      })),
    );
  }
}
