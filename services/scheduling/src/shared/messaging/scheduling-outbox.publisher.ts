import { Injectable } from '@nestjs/common';
import {
  AdmissionChangedEvent,
  BookingChangedEvent,
  schedulingEventsV1 as e,
  SessionChangedEvent,
  SlotHoldChangedEvent,
  SlotHoldRequestedEvent,
  WaitlistChangedEvent,
} from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type AdmissionChange, type AdmissionChangedDomainEvent } from '../../beds/domain/admission';
import {
  type BookingChange,
  type BookingChangedDomainEvent,
  type BookingSnapshot,
} from '../../booking/domain/booking';
import { type WaitlistEntrySnapshot } from '../../booking/domain/waitlist-entry';
import { slotHoldRequestToProto } from '../../holds/contracts/slot-hold-request.proto-mapper';
import { type SlotHoldRequestSnapshot } from '../../holds/domain/slot-hold-request';
import { type SessionChange, type SessionView } from '../../schedules/domain/session';
import { admissionToProto } from '../../beds/contracts/bed.proto-mapper';
import { bookingToProto, entryToProto } from '../../booking/contracts/booking.proto-mapper';
import { sessionToProto } from '../../schedules/contracts/schedule.proto-mapper';
import { SchedulingEvents } from '../scheduling-events';

function bookingChange(change: BookingChange): e.BookingChange {
  switch (change) {
    case 'held':
      return e.BookingChange.BOOKING_CHANGE_HELD;
    case 'booked':
      return e.BookingChange.BOOKING_CHANGE_BOOKED;
    case 'cancelled':
      return e.BookingChange.BOOKING_CHANGE_CANCELLED;
    case 'expired':
      return e.BookingChange.BOOKING_CHANGE_EXPIRED;
    case 'session-cancelled':
      return e.BookingChange.BOOKING_CHANGE_SESSION_CANCELLED;
    case 'session-moved':
      return e.BookingChange.BOOKING_CHANGE_SESSION_MOVED;
  }
}

function sessionChange(change: SessionChange): e.SessionChange {
  switch (change) {
    case 'opened':
      return e.SessionChange.SESSION_CHANGE_OPENED;
    case 'cancelled':
      return e.SessionChange.SESSION_CHANGE_CANCELLED;
    case 'moved':
      return e.SessionChange.SESSION_CHANGE_MOVED;
    case 'resized':
      return e.SessionChange.SESSION_CHANGE_RESIZED;
    case 'reserve-released':
      return e.SessionChange.SESSION_CHANGE_RESERVE_RELEASED;
    case 'release-rescheduled':
      return e.SessionChange.SESSION_CHANGE_RELEASE_RESCHEDULED;
  }
}

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

/** Writes scheduling's events to the outbox, keyed by aggregate id, in the caller's transaction. */
@Injectable()
export class SchedulingOutboxPublisher extends SchedulingEvents {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async bookingsChanged(events: readonly BookingChangedDomainEvent[], session: SessionView): Promise<void> {
    if (events.length === 0) return;
    await this.outbox.appendMany(
      BookingChangedEvent,
      events.map((event) => ({
        aggregateId: event.booking.id,
        aggregateVersion: event.booking.version,
        occurredAt: event.booking.updatedAt,
        payload: {
          change: bookingChange(event.change),
          booking: bookingToProto(event.booking, session),
          session: sessionToProto(session),
        },
      })),
    );
  }

  async sessionChanged(change: SessionChange, session: SessionView, released = 0): Promise<void> {
    await this.outbox.append(SessionChangedEvent, {
      aggregateId: session.id,
      aggregateVersion: session.version,
      occurredAt: new Date(),
      payload: { change: sessionChange(change), session: sessionToProto(session), released },
    });
  }

  async waitlistChanged(entries: readonly WaitlistEntrySnapshot[]): Promise<void> {
    if (entries.length === 0) return;
    await this.outbox.appendMany(
      WaitlistChangedEvent,
      entries.map((entry) => ({
        aggregateId: entry.id,
        aggregateVersion: entry.version,
        occurredAt: entry.updatedAt,
        payload: { entry: entryToProto(entry, 0) },
      })),
    );
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
