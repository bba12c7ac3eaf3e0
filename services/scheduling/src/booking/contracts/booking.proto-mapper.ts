import { schedulingModelV1 as m } from '@medgrid/contracts';
import { expectedAt, type SessionSnapshot } from '../../schedules/domain/session';
import { type BookingSnapshot, type BookingStatus } from '../domain/booking';
import { type Pool, type Priority } from '../domain/pool';
import { type WaitlistEntrySnapshot, type WaitlistStatus } from '../domain/waitlist-entry';

export function poolToProto(pool: Pool | null): m.Pool {
  switch (pool) {
    case 'reserved':
      return m.Pool.POOL_RESERVED;
    case 'public':
      return m.Pool.POOL_PUBLIC;
    case null:
      return m.Pool.POOL_UNSPECIFIED;
  }
}

/** undefined for unspecified; null for a value this version does not know (a client error). */
export function poolFromProto(pool: m.Pool): Pool | undefined | null {
  switch (pool) {
    case m.Pool.POOL_UNSPECIFIED:
      return undefined;
    case m.Pool.POOL_RESERVED:
      return 'reserved';
    case m.Pool.POOL_PUBLIC:
      return 'public';
    default:
      return null;
  }
}

export const priorityToProto = (p: Priority): m.BookingPriority => ({ ...p });

function bookingStatusToProto(status: BookingStatus): m.BookingStatus {
  switch (status) {
    case 'held':
      return m.BookingStatus.BOOKING_STATUS_HELD;
    case 'booked':
      return m.BookingStatus.BOOKING_STATUS_BOOKED;
    case 'cancelled':
      return m.BookingStatus.BOOKING_STATUS_CANCELLED;
    case 'expired':
      return m.BookingStatus.BOOKING_STATUS_EXPIRED;
  }
}

export function bookingToProto(b: BookingSnapshot, session: SessionSnapshot | null): m.Booking {
  return {
    id: b.id,
    sessionId: b.sessionId,
    slotNumber: b.slotNumber,
    pool: poolToProto(b.pool),
    status: bookingStatusToProto(b.status),
    patientResidentId: b.patientResidentId,
    referralId: b.referralId,
    bookedByInstitutionId: b.bookedByInstitutionId,
    priority: priorityToProto(b.priority),
    holdExpiresAt: b.holdExpiresAt ?? undefined,
    expectedAt: session ? expectedAt(session, b.slotNumber) : undefined,
    createdAt: b.createdAt,
    cancelReason: b.cancelReason,
    institutionId: b.institutionId,
    groupId: b.groupId,
    version: b.version,
  };
}

function waitlistStatusToProto(status: WaitlistStatus): m.WaitlistStatus {
  switch (status) {
    case 'waiting':
      return m.WaitlistStatus.WAITLIST_STATUS_WAITING;
    case 'offered':
      return m.WaitlistStatus.WAITLIST_STATUS_OFFERED;
    case 'withdrawn':
      return m.WaitlistStatus.WAITLIST_STATUS_WITHDRAWN;
  }
}

export function entryToProto(e: WaitlistEntrySnapshot, position: number): m.WaitlistEntry {
  return {
    id: e.id,
    sessionId: e.sessionId,
    patientResidentId: e.patientResidentId,
    referralId: e.referralId,
    requestedByInstitutionId: e.requestedByInstitutionId,
    status: waitlistStatusToProto(e.status),
    bookingId: e.bookingId,
    position,
    createdAt: e.createdAt,
    priority: priorityToProto(e.priority),
  };
}
