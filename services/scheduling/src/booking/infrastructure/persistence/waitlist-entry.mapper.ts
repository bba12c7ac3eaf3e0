import { type WaitlistEntrySnapshot } from '../../domain/waitlist-entry';
import { type WaitlistEntryOrmEntity } from './waitlist-entry.orm-entity';

/** An entry's row without its relation. */
export type WaitlistEntryRow = Omit<WaitlistEntryOrmEntity, 'session'>;

/** What an entry's steps (an offer, a withdrawal) change. */
export type WaitlistEntryChangeRow = Pick<WaitlistEntryRow, 'status' | 'bookingId' | 'updatedAt' | 'version'>;

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped. The client request id is
// the row's own: the request that made the entry, which the entry itself does not carry.

export function waitlistEntryToEntity(s: WaitlistEntrySnapshot, clientRequestId: string): WaitlistEntryRow {
  return {
    id: s.id,
    sessionId: s.sessionId,
    institutionId: s.institutionId,
    groupId: s.groupId,
    patientResidentId: s.patientResidentId,
    referralId: s.referralId,
    requestedByInstitutionId: s.requestedByInstitutionId,
    mayTakeReserved: s.mayTakeReserved,
    priorityContracted: s.priority.contractedResident,
    priorityFeeWaived: s.priority.consultationFeeWaived,
    priorityGreenChannel: s.priority.greenChannel,
    status: s.status,
    bookingId: s.bookingId,
    clientRequestId,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

export function waitlistEntryChangeToEntity(s: WaitlistEntrySnapshot): WaitlistEntryChangeRow {
  return { status: s.status, bookingId: s.bookingId, updatedAt: s.updatedAt, version: s.version };
}

export function waitlistEntryFromEntity(e: WaitlistEntryRow): WaitlistEntrySnapshot {
  return {
    id: e.id,
    sessionId: e.sessionId,
    institutionId: e.institutionId,
    groupId: e.groupId,
    patientResidentId: e.patientResidentId,
    referralId: e.referralId,
    requestedByInstitutionId: e.requestedByInstitutionId,
    mayTakeReserved: e.mayTakeReserved,
    priority: {
      contractedResident: e.priorityContracted,
      consultationFeeWaived: e.priorityFeeWaived,
      greenChannel: e.priorityGreenChannel,
    },
    status: e.status,
    bookingId: e.bookingId,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}
