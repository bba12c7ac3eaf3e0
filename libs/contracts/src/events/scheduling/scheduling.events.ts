import {
  AdmissionChanged,
  BookingChanged,
  SessionChanged,
  SlotHoldChanged,
  SlotHoldRequested,
  WaitlistChanged,
} from '../../generated/medgrid/scheduling/v1/scheduling_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** Scheduling recorded a slot hold request for a referral. */
export const SlotHoldRequestedEvent = defineEvent<SlotHoldRequested>({
  type: 'medgrid.scheduling.v1.SlotHoldRequested',
  schemaVersion: 1,
  topic: TOPICS.slotHold,
  codec: SlotHoldRequested,
});

/** The saga's hold for a referral was taken, waitlisted, released or found impossible. */
export const SlotHoldChangedEvent = defineEvent<SlotHoldChanged>({
  type: 'medgrid.scheduling.v1.SlotHoldChanged',
  schemaVersion: 1,
  topic: TOPICS.slotHold,
  codec: SlotHoldChanged,
});

/** A booking was held, booked, cancelled, expired or moved with its session. */
export const BookingChangedEvent = defineEvent<BookingChanged>({
  type: 'medgrid.scheduling.v1.BookingChanged',
  schemaVersion: 1,
  topic: TOPICS.schedulingBooking,
  codec: BookingChanged,
});

/** A session was opened, cancelled, moved, resized or had reserved slots released. */
export const SessionChangedEvent = defineEvent<SessionChanged>({
  type: 'medgrid.scheduling.v1.SessionChanged',
  schemaVersion: 1,
  topic: TOPICS.schedulingSession,
  codec: SessionChanged,
});

/** A waitlist entry joined, was offered a slot or left. */
export const WaitlistChangedEvent = defineEvent<WaitlistChanged>({
  type: 'medgrid.scheduling.v1.WaitlistChanged',
  schemaVersion: 1,
  topic: TOPICS.schedulingWaitlist,
  codec: WaitlistChanged,
});

/** An admission was requested, given a bed, discharged or cancelled. */
export const AdmissionChangedEvent = defineEvent<AdmissionChanged>({
  type: 'medgrid.scheduling.v1.AdmissionChanged',
  schemaVersion: 1,
  topic: TOPICS.schedulingAdmission,
  codec: AdmissionChanged,
});
