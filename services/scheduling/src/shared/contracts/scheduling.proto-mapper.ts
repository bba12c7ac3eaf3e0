import { schedulingModelV1 as m } from '@medgrid/contracts';
import { type ReserveRatio } from '../../capacity/domain/reserve-ratio';
import { type CityFloorVersion } from '../../capacity/domain/city-reserve-floor';
import { type ReservePolicySnapshot } from '../../capacity/domain/reserve-policy';
import { type AdmissionSnapshot, type AdmissionStatus } from '../../beds/domain/admission';
import { type WardView } from '../../beds/domain/ward';
import { type BookingSnapshot, type BookingStatus } from '../../booking/domain/booking';
import { releaseDueAt } from '../../booking/domain/reserve-release';
import { type Pool, type Priority } from '../../booking/domain/pool';
import { type WaitlistEntrySnapshot, type WaitlistStatus } from '../../booking/domain/waitlist-entry';
import { type ScheduleTemplateSnapshot } from '../../schedules/domain/schedule-template';
import { expectedAt, type SessionSnapshot, type SessionView } from '../../schedules/domain/session';

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

export const ratioToProto = (r: ReserveRatio): m.ReserveRatio => ({ ...r });

export function policyToProto(p: ReservePolicySnapshot): m.ReservePolicy {
  return {
    institutionId: p.institutionId,
    groupId: p.groupId,
    slotRatio: ratioToProto(p.slotRatio),
    bedRatio: ratioToProto(p.bedRatio),
    releaseLeadHours: p.releaseLeadHours,
    overrideReason: p.overrideReason,
    overrideBy: p.overrideBy,
    version: p.version,
    updatedAt: p.updatedAt ?? undefined,
    slotOverride: p.slotOverride,
    bedOverride: p.bedOverride,
  };
}

export function cityFloorToProto(v: CityFloorVersion): m.CityReserveFloor {
  return {
    cityId: v.cityId,
    version: v.version,
    slotFloor: ratioToProto(v.slotFloor),
    bedFloor: ratioToProto(v.bedFloor),
    effectiveFrom: v.effectiveFrom,
    reason: v.reason,
    setBy: v.setBy,
    setByRole: v.setByRole,
    setAt: v.setAt,
  };
}

export const templateToProto = (t: ScheduleTemplateSnapshot): m.ScheduleTemplate => ({ ...t });

function sessionStatusToProto(status: SessionSnapshot['status']): m.SessionStatus {
  switch (status) {
    case 'open':
      return m.SessionStatus.SESSION_STATUS_OPEN;
    case 'cancelled':
      return m.SessionStatus.SESSION_STATUS_CANCELLED;
  }
}

export function sessionToProto(s: SessionView): m.Session {
  return {
    id: s.id,
    institutionId: s.institutionId,
    groupId: s.groupId,
    departmentId: s.departmentId,
    specialtyCode: s.specialtyCode,
    practitionerId: s.practitionerId,
    templateId: s.templateId ?? '',
    date: s.date,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: sessionStatusToProto(s.status),
    capacity: s.capacity,
    reservedOffered: s.reservedOffered,
    reservedReleased: s.reservedReleased,
    freeReserved: s.freeReserved,
    freePublic: s.freePublic,
    version: s.version,
    changeReason: s.changeReason,
    reserveReleaseAt: releaseDueAt(s.startsAt, s.releaseLeadHours),
  };
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

export function wardToProto(w: WardView): m.Ward {
  return { ...w };
}

/** Undefined for unspecified, null for a value this service does not know. */
export function admissionStatusFromProto(status: m.AdmissionStatus): AdmissionStatus | undefined | null {
  switch (status) {
    case m.AdmissionStatus.ADMISSION_STATUS_UNSPECIFIED:
      return undefined;
    case m.AdmissionStatus.ADMISSION_STATUS_REQUESTED:
      return 'requested';
    case m.AdmissionStatus.ADMISSION_STATUS_ADMITTED:
      return 'admitted';
    case m.AdmissionStatus.ADMISSION_STATUS_DISCHARGED:
      return 'discharged';
    case m.AdmissionStatus.ADMISSION_STATUS_CANCELLED:
      return 'cancelled';
    default:
      return null;
  }
}

function admissionStatusToProto(status: AdmissionStatus): m.AdmissionStatus {
  switch (status) {
    case 'requested':
      return m.AdmissionStatus.ADMISSION_STATUS_REQUESTED;
    case 'admitted':
      return m.AdmissionStatus.ADMISSION_STATUS_ADMITTED;
    case 'discharged':
      return m.AdmissionStatus.ADMISSION_STATUS_DISCHARGED;
    case 'cancelled':
      return m.AdmissionStatus.ADMISSION_STATUS_CANCELLED;
  }
}

export function admissionToProto(a: AdmissionSnapshot): m.Admission {
  return {
    id: a.id,
    wardId: a.wardId,
    institutionId: a.institutionId,
    groupId: a.groupId,
    patientResidentId: a.patientResidentId,
    referralId: a.referralId,
    status: admissionStatusToProto(a.status),
    bedCode: a.bedCode,
    pool: poolToProto(a.pool),
    priority: priorityToProto(a.priority),
    requestedByInstitutionId: a.requestedByInstitutionId,
    requestedAt: a.requestedAt,
    admittedAt: a.admittedAt ?? undefined,
    dischargedAt: a.dischargedAt ?? undefined,
    version: a.version,
    cancelReason: a.cancelReason,
  };
}
